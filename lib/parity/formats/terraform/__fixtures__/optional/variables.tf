variable "managed_cache" {
  type = bool
}

variable "sessions_enabled" {
  type    = bool
  default = true
}
