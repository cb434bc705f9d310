CREATE TABLE "pull_request_locks" (
	"key" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"dirty" boolean DEFAULT false NOT NULL,
	"lease_until" timestamp with time zone NOT NULL
);
