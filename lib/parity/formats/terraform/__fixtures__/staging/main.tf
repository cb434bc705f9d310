resource "google_sql_database_instance" "main" {
  name             = "shop-staging"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_redis_instance" "cache" {
  name           = "shop-staging-cache"
  memory_size_gb = 1
  redis_version  = "REDIS_7_0"
}

resource "google_storage_bucket" "media" {
  name     = "shop-staging-media"
  location = "EU"
}

resource "azurerm_postgresql_flexible_server" "reports" {
  name                = "shop-staging-reports"
  resource_group_name = azurerm_resource_group.main.name
  location            = "westeurope"
  version             = "16"
  sku_name            = "B_Standard_B1ms"
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
}

resource "aws_elasticache_cluster" "sessions" {
  cluster_id      = "sessions"
  engine          = "memcached"
  engine_version  = "1.6.22"
  node_type       = "cache.t4g.micro"
  num_cache_nodes = 1
}

resource "aws_elasticache_cluster" "replica" {
  cluster_id           = "replica"
  replication_group_id = aws_elasticache_replication_group.main.id
}
