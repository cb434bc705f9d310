resource "aws_db_instance" "db" {
  engine         = "mysql"
  engine_version = "8.0.35"
  password =
}

resource "aws_s3_bucket" "after_error" {
  bucket = "still-read"
}
