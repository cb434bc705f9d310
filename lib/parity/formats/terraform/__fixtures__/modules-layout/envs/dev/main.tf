data "aws_ssm_parameter" "pg" {
  name = "/shop/dev/postgres-version"
}

module "db" {
  source         = "../../modules/db"
  name           = "shop-dev"
  engine_version = data.aws_ssm_parameter.pg.value
}

module "scratch_db" {
  source = "../../modules/db"
  count  = 0
  name   = "scratch"
}
