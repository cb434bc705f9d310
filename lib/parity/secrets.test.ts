import { describe, expect, it } from "vitest";
import { makeSnapshot } from "./__tests__/support";
import { audit } from "./audit/audit";
import { toMarkdown, toSarif, toText } from "./audit/index";
import { FORMATS } from "./formats/index";
import { toJson } from "./report/json";
import type { Format, Report } from "./types";

/*
 * A repository full of committed secrets, audited and rendered in every output format: none of
 * the secret strings may appear anywhere (formats redact; the engine scrubs again).
 */

const SECRETS = {
  composePassword: "Sup3r-S3cret-Compose-Pw",
  composeUrlPassword: "Pg-Pa55word-in-url",
  awsSecret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRET99",
  awsKeyId: "AKIAZZZZ7EXAMPLEKEYQ",
  stripe: "sk_live_51HzzTopSecretStripeKey00",
  githubToken: "ghp_Zz9abcdefghijklmnopqrstuvwxyz012345",
  redisUrlPassword: "r3dis-url-s3cret",
  k8sUrlPassword: "K8s-Pr0d-Db-Passw0rd",
  railsPassword: "rails-db-pass-4242",
  ciPassword: "ci-postgres-pass-777",
  flyUrlPassword: "fly-pg-secret-1313",
  dockerfileToken: "dockerfile-api-token-5555",
  brokenYamlPassword: "broken-yaml-hunter2",
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXNlY3JldA",
} as const;

const FILES: Record<string, string> = {
  "docker-compose.yml": `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${SECRETS.composePassword}
      DATABASE_URL: postgres://app:${SECRETS.composeUrlPassword}@db:5432/app
  web:
    build: .
    environment:
      AWS_ACCESS_KEY_ID: ${SECRETS.awsKeyId}
      AWS_SECRET_ACCESS_KEY: ${SECRETS.awsSecret}
      REDIS_URL: redis://:${SECRETS.redisUrlPassword}@cache:6379/0
  cache:
    image: redis:7
`,
  ".env.example": `DATABASE_URL=postgres://app:${SECRETS.composeUrlPassword}@localhost:5432/app
STRIPE_SECRET_KEY=${SECRETS.stripe}
GITHUB_TOKEN=${SECRETS.githubToken}
AWS_ACCESS_KEY_ID=${SECRETS.awsKeyId}
SESSION_JWT=${SECRETS.jwt}
`,
  ".env.production": `DATABASE_URL=postgres://admin:${SECRETS.k8sUrlPassword}@prod-db.internal:5432/app\n`,
  "k8s/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: acme/web:1.4.2
          env:
            - name: DATABASE_URL
              value: postgres://admin:${SECRETS.k8sUrlPassword}@prod-db:5432/app
            - name: API_TOKEN
              value: ${SECRETS.githubToken}
`,
  "config/database.yml": `production:
  adapter: postgresql
  url: postgres://rails:${SECRETS.railsPassword}@db/app
  password: ${SECRETS.railsPassword}
development:
  adapter: sqlite3
  database: db/development.sqlite3
`,
  ".github/workflows/ci.yml": `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:15
        env:
          POSTGRES_PASSWORD: ${SECRETS.ciPassword}
    steps:
      - run: curl -H "Authorization: Bearer ${SECRETS.githubToken}" https://api.example.com
      - run: docker compose up -d
`,
  "fly.toml": `app = "shop"
[env]
  DATABASE_URL = "postgres://fly:${SECRETS.flyUrlPassword}@shop-db.internal:5432/shop"
`,
  Dockerfile: `FROM node:20-alpine
ENV API_TOKEN=${SECRETS.dockerfileToken}
CMD ["node", "server.js"]
`,
  "deploy/broken.yaml": `kind: ConfigMap
data:
  password: ${SECRETS.brokenYamlPassword}
  url: postgres://x:${SECRETS.composeUrlPassword}@h/db
 bad: [
`,
  ".parity.yml": `suppress:
  - check: env-config
    reason: ok
    token: ${SECRETS.githubToken}
`,
};

/** A careless format: echoes every secret-bearing line into raw, names and problem messages. */
const LEAKY: Format = {
  id: "leaky",
  title: "Leaky (test)",
  patterns: ["**/*"],
  extract(file) {
    const lines = file.content.split("\n");
    return {
      uses: lines.map((text, index) => ({
        kind: "database" as const,
        engine: "postgres",
        version: "16",
        pinned: true,
        line: index + 1,
        raw: text,
        via: "setting" as const,
        name: text,
      })),
      literals: lines.map((text, index) => ({ key: "DATABASE_PASSWORD", value: text, line: index + 1 })),
      problems: lines.map((text, index) => ({
        type: "parse-error" as const,
        line: index + 1,
        message: `bad line\n${text}`,
      })),
    };
  },
};

function renderings(report: Report): Record<string, string> {
  return {
    json: toJson(report),
    sarif: toSarif(report),
    markdown: toMarkdown(report),
    text: toText(report, { color: false }),
  };
}

const NOW = new Date("2025-06-01T12:00:00Z");

describe.each([
  ["the real formats", FORMATS],
  ["the real formats and a leaky one", [...FORMATS, LEAKY]],
])("secrets with %s", (_name, formats) => {
  const report = audit(makeSnapshot(FILES), null, NOW, { formats });
  const outputs = renderings(report);

  it("audits something (the test would be vacuous otherwise)", () => {
    expect(report.inventory.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(outputs))("leaks no secret into %s", (format) => {
    const output = outputs[format] ?? "";
    const leaked = Object.entries(SECRETS).filter(([, secret]) => output.includes(secret));
    expect(leaked.map(([name]) => name)).toEqual([]);
  });
});
