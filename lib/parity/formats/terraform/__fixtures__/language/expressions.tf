# Every expression form of the Terraform language reference (Configuration Language > Expressions,
# Types and Values, Strings and Templates, References, Operators, Function Calls, Conditional
# Expressions, For Expressions, Splat Expressions, Dynamic Blocks, Type Constraints, Version
# Constraints), written for Parity's HCL differential test.
// A C-style line comment.
/* A block
   comment. */

terraform {
  required_version = ">= 1.5.0, < 2.0.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
  backend "s3" {
    bucket = "state-bucket"
    key    = "prod/terraform.tfstate"
  }
}

variable "engine_version" {
  type        = string
  default     = "16.3"
  description = "PostgreSQL version"
  nullable    = false
  sensitive   = false
  validation {
    condition     = can(regex("^1[0-9]", var.engine_version))
    error_message = "The engine version must be 10 or newer."
  }
}

variable "settings" {
  type = object({
    name    = string
    size    = optional(number, 20)
    tags    = optional(map(string), {})
    subnets = list(object({ cidr = string, zone = optional(string) }))
  })
  default = {
    name    = "db"
    subnets = []
  }
}

variable "pairs" {
  type    = map(tuple([string, number, bool]))
  default = { a = ["x", 1, true] }
}

locals {
  string_literal   = "hello"
  escapes          = "tab\tnewline\nquote\"backslash\\unicode\u00e9"
  literal_dollar   = "$${not_interpolated} %%{not_a_directive}"
  number_int       = 42
  number_float     = 3.14
  number_exp       = 1e3
  negative         = -7
  bool_true        = true
  bool_false       = false
  nothing          = null
  tuple            = ["a", 1, false, null]
  tuple_multiline = [
    "one",
    "two",
  ]
  object_eq        = { a = 1, b = "two" }
  object_colon     = { "a" : 1, "b" : 2 }
  object_multiline = {
    name = "x"
    size = 2
  }
  object_trailing = {
    a = 1,
    b = 2,
  }
  object_key_expr  = { (local.string_literal) = 1 }
  object_with_call = { k = upper("x") }
  object_with_idx  = { k = local.tuple[0], j = aws_instance.web[0].id }
  object_nested    = { a = { b = { c = local.tuple[1] } } }
  tuple_of_objects = [{ a = lower("A") }, { b = 2 }]
  interpolation    = "prefix-${local.string_literal}-suffix"
  nested_interp    = "${upper("${local.string_literal}-x")}"
  strip_markers    = "a ${~local.string_literal~} b"
  directive_if     = "Hello, %{ if local.bool_true }world%{ else }nobody%{ endif }!"
  directive_for    = "%{ for i, v in local.tuple }${i}=${v} %{ endfor }"
  heredoc          = <<EOT
line one
line ${local.number_int}
EOT
  heredoc_indented = <<-EOT
    indented
      more
    EOT
  heredoc_directive = <<EOT
%{ for name in local.tuple_multiline ~}
${name}
%{ endfor ~}
EOT
  arithmetic   = 1 + 2 * 3 - 4 / 2 % 3
  comparison   = 1 < 2 && 3 >= 2 || 4 != 5 && !(1 == 2)
  unary_minus  = -local.number_int
  parens       = (1 + 2) * 3
  conditional  = var.engine_version != "" ? var.engine_version : "15"
  nested_cond  = local.bool_true ? (local.bool_false ? 1 : 2) : 3
  multiline_conditional = (
    local.bool_true
    ? "yes"
    : "no"
  )
  call_simple   = max(1, 2, 3)
  call_expand   = min(local.tuple_multiline...)
  call_nested   = merge(local.object_eq, { c = lookup(local.object_eq, "a", null) })
  call_multiline = format(
    "%s-%s",
    local.string_literal,
    local.string_literal,
  )
  provider_func = provider::aws::arn_parse("arn:aws:iam::444455556666:role/example")
  for_tuple     = [for s in local.tuple_multiline : upper(s)]
  for_tuple_if  = [for i, s in local.tuple_multiline : s if i > 0]
  for_object    = { for k, v in local.object_eq : k => v }
  for_grouping  = { for s in local.tuple_multiline : substr(s, 0, 1) => s... }
  for_multiline = {
    for k, v in local.object_eq :
    k => upper(tostring(v))
    if v != null
  }
  splat_full    = aws_instance.web[*].id
  splat_attr    = aws_instance.web.*.id
  splat_nested  = var.settings.subnets[*].cidr
  index_string  = local.object_eq["a"]
  index_legacy  = local.tuple.0
  attr_chain    = module.network.vpc.id
  self_ref      = path.module
  each_ref      = [for x in [] : x]
  template_file = templatefile("${path.module}/init.sh.tftpl", { port = 8080 })
  try_call      = try(local.object_eq.missing, "fallback")
  type_conv     = tonumber("5")
  dash-name     = "identifiers may contain dashes"
}

resource "aws_db_instance" "main" {
  count                = var.settings.size > 0 ? 1 : 0
  identifier           = "${var.settings.name}-${count.index}"
  engine               = "postgres"
  engine_version       = var.engine_version
  instance_class       = "db.t3.micro"
  allocated_storage    = 20
  username             = "app"
  password             = random_password.db.result
  tags                 = merge(local.object_eq, { Name = "db-${terraform.workspace}" })
  vpc_security_group_ids = [aws_security_group.db.id]

  lifecycle {
    create_before_destroy = true
    ignore_changes        = [tags["Owner"], password]
    precondition {
      condition     = length(var.settings.name) > 0
      error_message = "A name is required."
    }
  }
  depends_on = [aws_security_group.db]
}

resource "aws_security_group" "db" {
  name = "db"
  dynamic "ingress" {
    for_each = toset([5432, 6432])
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = [for s in var.settings.subnets : s.cidr]
    }
  }
}

resource "aws_instance" "web" {
  for_each      = { for s in var.settings.subnets : s.cidr => s }
  ami           = data.aws_ami.ubuntu.id
  instance_type = each.value.zone == null ? "t3.micro" : "t3.small"
  user_data     = <<-EOF
    #!/bin/bash
    echo "${each.key}"
  EOF
  provisioner "local-exec" {
    command = "echo ${self.private_ip}"
  }
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]
  }
}

module "network" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.2"
  providers = {
    aws = aws.east
  }
  azs = slice(data.aws_availability_zones.all.names, 0, 3)
}

provider "aws" {
  alias  = "east"
  region = "us-east-1"
  default_tags { tags = { Project = "parity" } }
}

moved {
  from = aws_instance.old
  to   = aws_instance.web
}

import {
  to = aws_s3_bucket.logs
  id = "logs-bucket"
}

check "health" {
  assert {
    condition     = aws_db_instance.main[0].status == "available"
    error_message = "The database is not available."
  }
}

output "endpoint" {
  value     = one(aws_db_instance.main[*].endpoint)
  sensitive = true
}
