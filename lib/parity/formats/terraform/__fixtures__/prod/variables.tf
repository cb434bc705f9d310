variable "environment" {
  type    = string
  default = "prod"
}

variable "redis_version" {
  description = "ElastiCache Redis engine version"
  type        = string
  default     = "6.2"
}

variable "legacy_mysql_version" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}
