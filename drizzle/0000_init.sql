CREATE TABLE "audits" (
	"id" serial PRIMARY KEY NOT NULL,
	"repository_id" integer NOT NULL,
	"commit_sha" text,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text DEFAULT 'queued' NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"audited_at" timestamp with time zone,
	"error_code" text,
	"error" text,
	"requests" integer,
	"rate_limit_cost" integer,
	"engine_version" text,
	"score_overall" real,
	"score_tools" real,
	"score_time" real,
	"score_personnel" real,
	"level" text,
	"findings_tools" integer,
	"findings_time" integer,
	"findings_personnel" integer,
	"worst_severity" text,
	"worst_title" text,
	"report" jsonb
);
--> statement-breakpoint
CREATE TABLE "commits" (
	"id" serial PRIMARY KEY NOT NULL,
	"repository_id" integer NOT NULL,
	"sha" text NOT NULL,
	"authored_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"author_id" text,
	"author_is_bot" boolean DEFAULT false NOT NULL,
	"pull_request_number" integer,
	"merged_by_id" text
);
--> statement-breakpoint
CREATE TABLE "deploys" (
	"id" serial PRIMARY KEY NOT NULL,
	"repository_id" integer NOT NULL,
	"external_id" text NOT NULL,
	"environment" text NOT NULL,
	"sha" text NOT NULL,
	"deployed_at" timestamp with time zone NOT NULL,
	"creator_id" text,
	"creator_is_bot" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"trigger" text NOT NULL,
	"integration" text
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"audit_id" integer NOT NULL,
	"repository_id" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"check" text NOT NULL,
	"gap" text NOT NULL,
	"severity" text NOT NULL,
	"title" text NOT NULL,
	"message" text NOT NULL,
	"service" text,
	"evidence" jsonb NOT NULL,
	"suppressed" boolean DEFAULT false NOT NULL,
	"suppression_reason" text
);
--> statement-breakpoint
CREATE TABLE "inventory_uses" (
	"id" serial PRIMARY KEY NOT NULL,
	"audit_id" integer NOT NULL,
	"environment" text NOT NULL,
	"kind" text NOT NULL,
	"engine" text NOT NULL,
	"version" text,
	"pinned" boolean,
	"file" text NOT NULL,
	"line" integer NOT NULL,
	"raw" text NOT NULL,
	"via" text NOT NULL,
	"format" text NOT NULL,
	"name" text,
	"emulator" text
);
--> statement-breakpoint
CREATE TABLE "repositories" (
	"id" serial PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"owner" text NOT NULL,
	"name" text NOT NULL,
	"default_branch" text,
	"is_private" boolean DEFAULT false NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"latest_audit_id" integer,
	"last_audit_id" integer,
	"history_status" text DEFAULT 'none' NOT NULL,
	"history_done" integer DEFAULT 0 NOT NULL,
	"history_total" integer DEFAULT 0 NOT NULL,
	"history_error" text
);
--> statement-breakpoint
CREATE TABLE "weekly_scores" (
	"repository_id" integer NOT NULL,
	"week" date NOT NULL,
	"audit_id" integer NOT NULL,
	"audited_at" timestamp with time zone NOT NULL,
	"score_overall" real,
	"score_tools" real,
	"score_time" real,
	"score_personnel" real,
	"level" text,
	"findings_tools" integer DEFAULT 0 NOT NULL,
	"findings_time" integer DEFAULT 0 NOT NULL,
	"findings_personnel" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "weekly_scores_repository_id_week_pk" PRIMARY KEY("repository_id","week")
);
--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commits" ADD CONSTRAINT "commits_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deploys" ADD CONSTRAINT "deploys_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_uses" ADD CONSTRAINT "inventory_uses_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repositories" ADD CONSTRAINT "repositories_latest_audit_id_audits_id_fk" FOREIGN KEY ("latest_audit_id") REFERENCES "public"."audits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repositories" ADD CONSTRAINT "repositories_last_audit_id_audits_id_fk" FOREIGN KEY ("last_audit_id") REFERENCES "public"."audits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_scores" ADD CONSTRAINT "weekly_scores_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_scores" ADD CONSTRAINT "weekly_scores_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audits_repository_finished_idx" ON "audits" USING btree ("repository_id","finished_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audits_repository_audited_idx" ON "audits" USING btree ("repository_id","audited_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audits_active_idx" ON "audits" USING btree ("repository_id") WHERE "audits"."status" in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "commits_repository_sha_idx" ON "commits" USING btree ("repository_id","sha");--> statement-breakpoint
CREATE INDEX "commits_repository_committed_idx" ON "commits" USING btree ("repository_id","committed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "deploys_repository_external_idx" ON "deploys" USING btree ("repository_id","external_id");--> statement-breakpoint
CREATE INDEX "deploys_repository_deployed_idx" ON "deploys" USING btree ("repository_id","deployed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "findings_audit_idx" ON "findings" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "findings_repository_fingerprint_idx" ON "findings" USING btree ("repository_id","fingerprint");--> statement-breakpoint
CREATE INDEX "inventory_uses_audit_idx" ON "inventory_uses" USING btree ("audit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "repositories_full_name_lower_idx" ON "repositories" USING btree (lower("full_name"));--> statement-breakpoint
CREATE INDEX "weekly_scores_week_idx" ON "weekly_scores" USING btree ("week");