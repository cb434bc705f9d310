managed_cache = false
