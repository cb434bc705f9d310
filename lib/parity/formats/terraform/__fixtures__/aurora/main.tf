# Production database for the shop: Aurora PostgreSQL, compared with compose's postgres:16.
resource "aws_rds_cluster" "shop" {
  cluster_identifier      = "shop-prod"
  engine                  = "aurora-postgresql"
  engine_mode             = "provisioned"
  engine_version          = "15.4"
  database_name           = "shop"
  master_username         = "shop"
  manage_master_user_password = true
  backup_retention_period = 7
  deletion_protection     = true

  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 8
  }
}

resource "aws_rds_cluster_instance" "shop" {
  count              = 2
  cluster_identifier = aws_rds_cluster.shop.id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.shop.engine
  engine_version     = aws_rds_cluster.shop.engine_version
}
