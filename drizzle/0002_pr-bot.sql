CREATE TABLE "installation_repositories" (
	"installation_id" bigint NOT NULL,
	"full_name" text NOT NULL,
	"github_id" bigint,
	"repository_id" integer,
	"connected_by_app" boolean DEFAULT true NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "installation_repositories_installation_id_full_name_pk" PRIMARY KEY("installation_id","full_name")
);
--> statement-breakpoint
CREATE TABLE "pr_audits" (
	"id" serial PRIMARY KEY NOT NULL,
	"repository_id" integer NOT NULL,
	"installation_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"title" text,
	"base_ref" text NOT NULL,
	"base_sha" text NOT NULL,
	"head_sha" text NOT NULL,
	"head_repository" text,
	"status" text NOT NULL,
	"conclusion" text,
	"new_findings" integer DEFAULT 0 NOT NULL,
	"resolved_findings" integer DEFAULT 0 NOT NULL,
	"score_before" real,
	"score_after" real,
	"level_before" text,
	"level_after" text,
	"delta" jsonb,
	"comment_id" bigint,
	"comment_hash" text,
	"comment_action" text,
	"check_run_id" bigint,
	"annotations" integer DEFAULT 0 NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"delivery_id" text NOT NULL,
	"event" text NOT NULL,
	"action" text,
	"installation_id" bigint,
	"repository" text,
	"pull_number" integer,
	"task" jsonb,
	"status" text NOT NULL,
	"note" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "installation_repositories" ADD CONSTRAINT "installation_repositories_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pr_audits" ADD CONSTRAINT "pr_audits_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pr_audits_repository_number_idx" ON "pr_audits" USING btree ("repository_id","number","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pr_audits_repository_created_idx" ON "pr_audits" USING btree ("repository_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_delivery_idx" ON "webhook_deliveries" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_received_idx" ON "webhook_deliveries" USING btree ("received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pull_idx" ON "webhook_deliveries" USING btree (lower("repository"),"pull_number","id" DESC NULLS LAST);