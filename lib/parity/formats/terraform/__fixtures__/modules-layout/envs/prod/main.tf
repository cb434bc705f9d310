locals {
  postgres_version = "15.4"
}

module "db" {
  source         = "../../modules/db"
  name           = "shop-prod"
  engine_version = local.postgres_version
}
