CREATE TABLE "audits" (
	"id" serial PRIMARY KEY NOT NULL,
	"repository_id" integer NOT NULL,
	"commit_sha" text,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	"requests" integer,
	"rate_limit_cost" integer,
	"engine_version" text,
	"score_overall" real,
	"score_tools" real,
	"score_time" real,
	"score_personnel" real,
	"level" text,
	"report" jsonb
);
--> statement-breakpoint
CREATE TABLE "repositories" (
	"id" serial PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"owner" text NOT NULL,
	"name" text NOT NULL,
	"default_branch" text,
	"is_private" boolean DEFAULT false NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audits_repository_finished_idx" ON "audits" USING btree ("repository_id","finished_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "repositories_full_name_lower_idx" ON "repositories" USING btree (lower("full_name"));