pg_version = "16.1"
