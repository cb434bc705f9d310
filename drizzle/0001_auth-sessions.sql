CREATE TABLE "repository_access" (
	"github_user_id" bigint NOT NULL,
	"full_name" text NOT NULL,
	"visible" boolean NOT NULL,
	"is_private" boolean,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repository_access_github_user_id_full_name_pk" PRIMARY KEY("github_user_id","full_name")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"github_user_id" bigint NOT NULL,
	"login" text NOT NULL,
	"token_ciphertext" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");