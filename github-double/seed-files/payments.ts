/**
 * acme/payments: a Node service whose dev compose file runs PostgreSQL 14 while RDS runs 16 and
 * CI already matches prod. One mechanical finding with one proven fix: the e2e opens it as a pull
 * request from the scorecard, merges it in the double, and audits again.
 */
export const paymentsFiles: Record<string, string> = {
  "package.json": `{
  "name": "payments",
  "version": "1.3.0",
  "private": true,
  "scripts": { "start": "node src/index.js", "test": "node --test" },
  "dependencies": { "pg": "^8.12.0", "ioredis": "^5.4.1" }
}
`,
  ".nvmrc": "20\n",
  "docker-compose.yml": `# Local development: \`docker compose up\`
services:
  db:
    image: postgres:14-alpine # the version we started with
    environment:
      POSTGRES_USER: payments
      POSTGRES_PASSWORD: payments
    ports:
      - "5432:5432"
  cache:
    image: redis:7
`,
  ".env.example":
    "DATABASE_URL=postgres://payments:payments@localhost:5432/payments\nREDIS_URL=redis://localhost:6379/0\n",
  Dockerfile: `FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY src ./src
CMD ["node", "src/index.js"]
`,
  "infra/main.tf": `resource "aws_db_instance" "payments" {
  identifier     = "payments"
  engine         = "postgres"
  engine_version = "16.4"
  instance_class = "db.t4g.small"
}

resource "aws_elasticache_cluster" "payments" {
  cluster_id     = "payments"
  engine         = "redis"
  engine_version = "7.1"
  node_type      = "cache.t4g.micro"
}
`,
  ".github/workflows/ci.yml": `name: CI
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: postgres
        ports: ["5432:5432"]
        options: --health-cmd "pg_isready -U postgres" --health-interval 5s
      redis:
        image: redis:7
        ports: ["6379:6379"]
    env:
      DATABASE_URL: postgres://postgres:postgres@localhost:5432/postgres
      REDIS_URL: redis://localhost:6379/0
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version-file: .nvmrc
      - run: npm ci
      - run: npm test
`,
  ".github/workflows/deploy.yml": `name: Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - run: ./scripts/deploy.sh
`,
  "src/index.js":
    "import pg from 'pg';\nconst pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });\nexport default pool;\n",
  "README.md": "# payments\n\nCharges and refunds.\n",
};
