terraform {
  # State lives in a bucket of its own, created below for the first run.
  backend "gcs" {
    bucket = "acme-shop-infra-state"
  }
}

resource "google_storage_bucket" "state" {
  name     = "acme-shop-infra-state"
  location = "EU"
}

resource "google_storage_bucket" "lock_files" {
  name     = "acme-shop-tfstate-locks"
  location = "EU"
}

resource "google_storage_bucket" "uploads" {
  name     = "acme-shop-uploads"
  location = "EU"
}

# Opt-in: replaces the in-cluster Redis when var.managed_cache is true.
resource "google_redis_instance" "cache" {
  name           = "shop-cache"
  memory_size_gb = 1
  count          = var.managed_cache ? 1 : 0
  redis_version  = "REDIS_7_0"
}

resource "google_redis_instance" "sessions" {
  name          = "shop-sessions"
  count         = var.sessions_enabled ? 1 : 0
  redis_version = "REDIS_6_X"
}

module "search_db" {
  source  = "terraform-aws-modules/rds/aws"
  create  = false
  engine  = "postgres"
  family  = "postgres16"
  engine_version = "16.2"
}
