redis_version        = "7.1"
legacy_mysql_version = "8.0.35"
