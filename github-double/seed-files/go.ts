/** acme/edge-router: a Go service at near-Gold parity (same images everywhere, pinned). */
export const edgeRouterFiles: Record<string, string> = {
  "go.mod": `module github.com/acme/edge-router

go 1.23

require (
	github.com/jackc/pgx/v5 v5.6.0
	github.com/redis/go-redis/v9 v9.6.1
)
`,
  "compose.yaml": `services:
  postgres:
    image: postgres:16.4-alpine
    environment:
      POSTGRES_PASSWORD: router
    healthcheck:
      test: ["CMD", "pg_isready"]
  redis:
    image: redis:7.2.5-alpine
  router:
    build: .
    environment:
      DATABASE_URL: \${DATABASE_URL:-postgres://postgres:router@postgres:5432/postgres}
      REDIS_URL: redis://redis:6379
    depends_on: [postgres, redis]
`,
  ".devcontainer/devcontainer.json": `{
  // Same compose stack as local development.
  "name": "edge-router",
  "dockerComposeFile": ["../compose.yaml"],
  "service": "router",
  "features": {
    "ghcr.io/devcontainers/features/go:1": { "version": "1.23" }
  }
}
`,
  Dockerfile: `FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN go build -o /router ./cmd/router

FROM gcr.io/distroless/static-debian12
COPY --from=build /router /router
ENTRYPOINT ["/router"]
`,
  "fly.toml": `app = "acme-edge-router"
primary_region = "ams"

[build]
  dockerfile = "Dockerfile"

[env]
  PORT = "8080"

[http_service]
  internal_port = 8080
  force_https = true
`,
  "deploy/postgres.yaml": `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: router-db
spec:
  serviceName: router-db
  selector:
    matchLabels:
      app: router-db
  template:
    metadata:
      labels:
        app: router-db
    spec:
      containers:
        - name: postgres
          image: postgres:16.4-alpine
`,
  ".github/workflows/ci.yml": `name: CI
on:
  pull_request:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16.4-alpine
        env:
          POSTGRES_PASSWORD: router
      redis:
        image: redis:7.2.5-alpine
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
      - run: go test ./...
  deploy:
    needs: test
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - uses: superfly/flyctl-actions/setup-flyctl@master
      - run: flyctl deploy --remote-only
`,
  ".env.example": `DATABASE_URL=postgres://postgres:router@localhost:5432/postgres
REDIS_URL=redis://localhost:6379
`,
  "cmd/router/main.go": `package main

import "log"

func main() {
	log.Println("edge-router starting")
}
`,
};
