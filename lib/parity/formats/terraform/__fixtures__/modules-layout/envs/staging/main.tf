variable "pg_version" {
  type = string
}

module "db" {
  source         = "../../modules/db"
  name           = "shop-staging"
  engine_version = var.pg_version
}
