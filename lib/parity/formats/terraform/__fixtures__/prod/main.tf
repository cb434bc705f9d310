terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.40" }
  }
}

locals {
  name        = "orders-${var.environment}"
  mq_version  = "3.13"
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "${local.name}-cache"
  description          = "Sessions and rate limits"
  node_type            = "cache.t4g.small"
  engine_version       = var.redis_version
  parameter_group_name = "default.redis7"
}

resource "aws_elasticache_serverless_cache" "flags" {
  engine               = "valkey"
  name                 = "${local.name}-flags"
  major_engine_version = "8"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "${local.name}-uploads"
}

resource "aws_sqs_queue" "orders" {
  name                       = "${local.name}-orders"
  visibility_timeout_seconds = 60
}

resource "aws_mq_broker" "events" {
  broker_name        = "${local.name}-events"
  engine_type        = "RabbitMQ"
  engine_version     = local.mq_version
  host_instance_type = "mq.m5.large"
  user {
    username = "orders"
    password = var.mq_password
  }
}

resource "aws_msk_cluster" "stream" {
  cluster_name           = "${local.name}-stream"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = var.private_subnets
    security_groups = [aws_security_group.msk.id]
  }
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "orders"
  engine_version = "OpenSearch_2.11"
}

resource "aws_dynamodb_table" "idempotency" {
  name         = "${local.name}-idempotency"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_lambda_function" "thumbnails" {
  function_name = "${local.name}-thumbnails"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  role          = aws_iam_role.lambda.arn
  filename      = "build/thumbnails.zip"
}

module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "~> 6.5"

  identifier     = "${local.name}-db"
  engine         = "postgres"
  engine_version = "15.4"
  family         = "postgres15"
  instance_class = "db.t4g.large"
  password       = var.db_password
}

module "legacy" {
  source         = "terraform-aws-modules/rds/aws"
  engine         = "mysql"
  engine_version = var.legacy_mysql_version
}

data "aws_db_instance" "reporting" {
  db_instance_identifier = "reporting"
}
