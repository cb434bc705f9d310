CREATE TABLE "suppression_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"repository_id" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"check" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"lines" text NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pull_request_url" text,
	"pull_request_error" text
);
--> statement-breakpoint
ALTER TABLE "suppression_requests" ADD CONSTRAINT "suppression_requests_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "suppression_requests_repository_fingerprint_idx" ON "suppression_requests" USING btree ("repository_id","fingerprint");