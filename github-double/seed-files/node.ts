/** acme/checkout-api: Node, compose postgres:13 in dev, postgres:16 and Redis on Kubernetes. */
export const checkoutFiles: Record<string, string> = {
  "package.json": `{
  "name": "checkout-api",
  "version": "2.4.0",
  "private": true,
  "engines": { "node": ">=20" },
  "scripts": { "start": "node dist/server.js", "test": "vitest run" },
  "dependencies": {
    "fastify": "^4.28.1",
    "pg": "^8.12.0",
    "ioredis": "^5.4.1",
    "bullmq": "^5.12.0"
  }
}
`,
  ".nvmrc": "20\n",
  "docker-compose.yml": `services:
  api:
    build: .
    ports:
      - "3000:3000"
    environment:
      DATABASE_URL: postgres://checkout:checkout@db:5432/checkout
      REDIS_URL: redis://cache:6379
    depends_on:
      - db
      - cache
  db:
    image: postgres:13
    environment:
      POSTGRES_USER: checkout
      POSTGRES_PASSWORD: checkout
    volumes:
      - pgdata:/var/lib/postgresql/data
  cache:
    image: redis:latest
volumes:
  pgdata:
`,
  Dockerfile: `FROM node:20-alpine AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-alpine
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=build /app/node_modules ./node_modules
CMD ["node", "dist/server.js"]
`,
  "k8s/postgres.yaml": `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: checkout-db
spec:
  serviceName: checkout-db
  replicas: 1
  selector:
    matchLabels:
      app: checkout-db
  template:
    metadata:
      labels:
        app: checkout-db
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
          ports:
            - containerPort: 5432
`,
  "k8s/redis.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout-cache
spec:
  replicas: 1
  selector:
    matchLabels:
      app: checkout-cache
  template:
    metadata:
      labels:
        app: checkout-cache
    spec:
      containers:
        - name: redis
          image: redis:7.2-alpine
`,
  "k8s/api.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout-api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: checkout-api
  template:
    metadata:
      labels:
        app: checkout-api
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/checkout-api:2.4.0
          env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: checkout
                  key: database-url
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
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
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
      - run: kubectl apply -f k8s/
`,
  "src/server.ts": `import Fastify from "fastify";

const app = Fastify();
app.get("/health", async () => ({ ok: true }));
app.listen({ port: 3000, host: "0.0.0.0" });
`,
};
