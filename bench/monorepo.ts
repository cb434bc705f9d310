/**
 * A synthetic monorepo for the engine benchmark: 100,000 paths, 500 of them environment files
 * written the way teams write them (compose with anchors and interpolation, multi-document k8s,
 * workflows with services and matrices, Dockerfiles, .env examples, Helm values).
 */
import type { RepoSnapshot } from "../lib/parity/types";

const compose = (i: number) => `x-env: &default-env
  LOG_LEVEL: debug
services:
  app${i}:
    build: .
    environment:
      <<: *default-env
      DATABASE_URL: postgres://app:app@db:5432/app${i}
      REDIS_URL: redis://cache:6379/0
    depends_on: [db, cache]
  db:
    image: postgres:\${PG_VERSION:-${13 + (i % 4)}}-alpine
    environment:
      POSTGRES_PASSWORD: app
  cache:
    image: redis:7.2
  storage:
    image: minio/minio:RELEASE.2024-05-01T01-11-10Z
`;

const workflow = (i: number) => `name: ci-${i}
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [18, 20]
    services:
      postgres:
        image: postgres:${14 + (i % 3)}
        ports: ["5432:5432"]
      redis:
        image: redis:7
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
      - run: npm ci && npm test
  deploy:
    needs: test
    if: github.ref == 'refs/heads/main'
    environment: production
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: flyctl deploy --remote-only
`;

const manifests = (i: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api-${i}
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api-${i}:1.${i}.0
          env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef: { name: db, key: url }
            - name: REDIS_URL
              value: redis://redis:6379
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres-${i}
spec:
  serviceName: postgres
  template:
    spec:
      containers:
        - name: postgres
          image: postgres:16.${i % 4}
---
apiVersion: v1
kind: Service
metadata:
  name: api-${i}
spec:
  ports: [{ port: 80 }]
`;

const dockerfile = (i: number) => `ARG NODE_VERSION=${18 + 2 * (i % 2)}
FROM node:\${NODE_VERSION}-alpine AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-alpine
WORKDIR /app
COPY --from=build /app/dist ./dist
CMD ["node", "dist/server.js"]
`;

const envExample = (i: number) => `# Service ${i}
DATABASE_URL=postgres://app:secret@localhost:5432/app${i}
REDIS_URL=redis://localhost:6379
S3_BUCKET=uploads-${i}
export SESSION_SECRET=change-me
`;

const helmValues = (i: number) => `image:
  repository: ghcr.io/acme/web-${i}
  tag: "2.${i}.1"
postgresql:
  enabled: true
  image:
    tag: 16.2.0
redis:
  architecture: standalone
`;

const GENERATORS: [string, (i: number) => string][] = [
  ["services/svc-%/docker-compose.yml", compose],
  [".github/workflows/svc-%.yml", workflow],
  ["deploy/k8s/svc-%/manifests.yaml", manifests],
  ["services/svc-%/Dockerfile", dockerfile],
  ["services/svc-%/.env.example", envExample],
  ["charts/svc-%/values.yaml", helmValues],
];

/** 500 environment files spread over the generators, and filler source paths up to `totalPaths`. */
export function generateMonorepo(totalPaths = 100_000, environmentFiles = 500): RepoSnapshot {
  const files = new Map<string, string>();
  for (let i = 0; files.size < environmentFiles; i++) {
    const [pattern, generate] = GENERATORS[i % GENERATORS.length] as [string, (i: number) => string];
    files.set(pattern.replace("%", String(i)), generate(i));
  }
  const paths = [...files.keys()];
  // Source files as monorepos lay them out: 400 packages, about a dozen files per directory.
  const names = ["index.ts", "service.ts", "routes.ts", "schema.ts", "model.ts", "utils.ts", "types.ts", "config.ts"];
  for (let i = 0; paths.length < totalPaths; i++) {
    const pkg = i % 400;
    const dir = Math.floor(i / 4800);
    const file = Math.floor(i / 400) % 12;
    const name = file < names.length ? names[file] : `part-${file}.test.ts`;
    paths.push(`packages/pkg-${pkg}/src/feature-${dir}/${name}`);
  }
  // A real snapshot's paths arrive as flat strings (GitHub's tree JSON, readdir); the template
  // literals above build rope strings, and the audit would pay for flattening them on first read.
  const flatPaths = JSON.parse(JSON.stringify(paths)) as string[];
  return { repository: "bench/monorepo", defaultBranch: "main", commit: null, paths: flatPaths, files };
}
