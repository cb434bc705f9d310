variable "engine_version" {
  type    = string
  default = "14"
}

variable "name" {
  type = string
}

locals {
  identifier = "${var.name}-db"
}

resource "aws_db_instance" "this" {
  identifier     = local.identifier
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = "db.t4g.medium"
}
