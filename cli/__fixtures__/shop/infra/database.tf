resource "aws_db_instance" "shop" {
  identifier        = "shop-production"
  engine            = "postgres"
  engine_version    = "16.3"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "shop"
  password          = var.db_password
}

resource "aws_s3_bucket" "uploads" {
  bucket = "shop-uploads-production"
}

variable "db_password" {
  type      = string
  sensitive = true
}
