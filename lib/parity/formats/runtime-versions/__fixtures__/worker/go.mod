module github.com/acme/shop/worker

go 1.21

toolchain go1.22.3

require (
	github.com/jackc/pgx/v5 v5.5.5
	github.com/redis/go-redis/v9 v9.5.1
)
