// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the tests spell `${VAR:-value}` substitutions literally
import { describe, expect, it } from "vitest";
import type { Inventory } from "../types";
import { envConfig } from "./env-config";
import { file, input, inventory } from "./test-helpers";

type EnvKey = Inventory["envKeys"][number];
type Literal = Inventory["literals"][number];

const prodFiles = [file("config/production.rb", "rails", "prod"), file("k8s/deployment.yaml", "kubernetes", "prod")];
const reads = (...keys: string[]): EnvKey[] =>
  keys.map((key, i) => ({ key, line: 10 + i, role: "reads", environment: "prod", file: "k8s/deployment.yaml" }));
const documents = (...keys: string[]): EnvKey[] =>
  keys.map((key, i) => ({ key, line: 1 + i, role: "documents", environment: "dev", file: ".env.example" }));
const literal = (key: string, value: string, line = 5): Literal => ({
  key,
  value,
  line,
  environment: "prod",
  file: "config/production.rb",
});

const at = (key: string, value: string, line: number, file: string): Literal => ({
  key,
  value,
  line,
  environment: "prod",
  file,
});

describe("env-config", () => {
  it.each([
    {
      name: "a credential written as a literal in platform prod config is high",
      parts: { literals: [literal("DATABASE_URL", "postgres://app:***@db.internal/app")] },
      status: "fail",
      score: 0,
      findings: [
        ["DATABASE_URL is written as a literal in prod config (config/production.rb)", "high", "database:credentials"],
      ],
    },
    {
      name: "a host literal is medium",
      parts: { literals: [literal("REDIS_HOST", "cache.internal")] },
      status: "fail",
      score: 5,
      findings: [
        ["REDIS_HOST is written as a literal in prod config (config/production.rb)", "medium", "config:REDIS_HOST"],
      ],
    },
    {
      name: "one database password reached through a key, a URL and a YAML anchor is one low finding in a compose stack",
      parts: {
        files: [file("docker-compose.yml", "compose", "prod")],
        literals: [
          at("POSTGRES_PASSWORD", "***", 25, "docker-compose.yml"),
          at("DATABASE_URL", "postgresql://app:***@db:5432/app", 8, "docker-compose.yml"),
          at("POSTGRES_PASSWORD", "***", 25, "docker-compose.yml"),
        ],
      },
      status: "fail",
      score: 7.5,
      findings: [
        [
          "2 database credentials are written as literals (POSTGRES_PASSWORD, DATABASE_URL) in prod config (docker-compose.yml)",
          "low",
          "database:credentials",
        ],
      ],
    },
    {
      name: "another secret in a compose stack is medium, a database password in cluster manifests medium",
      parts: {
        files: [file("docker-compose.yml", "compose", "prod"), file("k8s/db.yaml", "kubernetes", "prod")],
        literals: [
          at("STRIPE_SECRET_KEY", "***", 9, "docker-compose.yml"),
          at("POSTGRES_PASSWORD", "***", 24, "k8s/db.yaml"),
        ],
      },
      status: "fail",
      score: 0,
      findings: [
        ["POSTGRES_PASSWORD is written as a literal in prod config (k8s/db.yaml)", "medium", "database:credentials"],
        [
          "STRIPE_SECRET_KEY is written as a literal in prod config (docker-compose.yml)",
          "medium",
          "config:credentials",
        ],
      ],
    },
    {
      name: "a compose file also claimed by another format is graded as compose",
      parts: {
        files: [
          file("docker-compose.deploy.yml", "compose", "prod"),
          file("docker-compose.deploy.yml", "kubernetes", "prod"),
        ],
        literals: [at("POSTGRES_PASSWORD", "***", 10, "docker-compose.deploy.yml")],
      },
      status: "fail",
      score: 7.5,
      findings: [
        [
          "POSTGRES_PASSWORD is written as a literal in prod config (docker-compose.deploy.yml)",
          "low",
          "database:credentials",
        ],
      ],
    },
    {
      name: "an app's signing secret left at a template placeholder is low",
      parts: {
        files: [file("docker-compose.yml", "compose", "prod")],
        literals: [at("APP_SECRET", "replace-me-with-a-random-string", 9, "docker-compose.yml")],
      },
      status: "fail",
      score: 7.5,
      findings: [
        [
          "APP_SECRET ships a placeholder value in prod config (docker-compose.yml): whoever runs it unchanged signs with a public secret",
          "low",
          "config:placeholder",
        ],
      ],
    },
    {
      name: "a signing secret a compose substitution falls back to is medium, a database password's fallback low",
      parts: {
        files: [file("compose.yml", "compose", "prod")],
        literals: [
          at("SECRET_KEY_BASE", "*** (fallback of ${SECRET_KEY_BASE})", 12, "compose.yml"),
          at("POSTGRES_PASSWORD", "*** (fallback of ${POSTGRES_PASSWORD})", 7, "compose.yml"),
        ],
      },
      status: "fail",
      score: 2.5,
      findings: [
        [
          "POSTGRES_PASSWORD falls back to a committed literal when unset in prod config (compose.yml)",
          "low",
          "database:credentials",
        ],
        [
          "SECRET_KEY_BASE falls back to a committed literal when unset in prod config (compose.yml)",
          "medium",
          "config:credentials",
        ],
      ],
    },
    {
      name: "a placeholder fallback of an app secret is low, another service's placeholder fallback nothing",
      parts: {
        files: [file("compose.yml", "compose", "prod")],
        literals: [
          at("JWT_SECRET", "changeme (fallback of ${JWT_SECRET})", 12, "compose.yml"),
          at("SMTP_PASSWORD", "changeme (fallback of ${SMTP_PASSWORD})", 13, "compose.yml"),
        ],
      },
      status: "fail",
      score: 7.5,
      findings: [
        [
          "JWT_SECRET ships a placeholder value as the fallback of an unset variable in prod config (compose.yml): whoever runs it unchanged signs with a public secret",
          "low",
          "config:placeholder",
        ],
      ],
    },
    {
      name: "flags, paths, Secret key names and another service's placeholder keys are no credential",
      parts: {
        literals: [
          literal("PASSWORD_RESET_DISABLED", "1"),
          literal("DB_PASSWORD_FILE", "/run/secrets/db_password"),
          {
            ...literal("userPasswordKey", "POSTGRES_USER_PASSWORD"),
            key: "postgresql.auth.secretKeys.userPasswordKey",
          },
          literal("AWS_SECRET_ACCESS_KEY", "dummy"),
          literal("DB_PASSWORD", "changeme"),
        ],
      },
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "variables prod config names are not reported as undocumented (no format tells a read from a setting)",
      parts: { envKeys: [...reads("DATABASE_URL", "REDIS_URL", "S3_BUCKET"), ...documents("DATABASE_URL")] },
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "literals outside prod are not this check's business",
      parts: {
        literals: [{ ...literal("DATABASE_URL", "postgres://dev:***@localhost/app"), environment: "dev" as const }],
      },
      status: "pass",
      score: 10,
      findings: [],
    },
  ])("$name", ({ parts, status, score, findings }) => {
    const outcome = envConfig.run(input(inventory({ files: prodFiles, ...parts })));
    expect(outcome.status).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service])).toEqual(findings);
    for (const finding of outcome.findings) expect(finding.environments).toEqual(["prod"]);
  });

  it("is not applicable without prod config", () => {
    expect(envConfig.run(input(inventory({ envKeys: documents("DATABASE_URL") }))).status).toBe("not-applicable");
  });

  it("never shows a secret value in evidence", () => {
    const outcome = envConfig.run(
      input(inventory({ files: prodFiles, literals: [literal("SECRET_KEY_BASE", "abc123")] })),
    );
    expect(outcome.findings[0]?.evidence).toEqual([
      { environment: "prod", file: "config/production.rb", line: 5, value: "***" },
    ]);
    expect(JSON.stringify(outcome)).not.toContain("abc123");
  });

  it("shows a fallback as the variable it stands in for, never its value", () => {
    const outcome = envConfig.run(
      input(
        inventory({
          files: prodFiles,
          literals: [literal("SECRET_KEY_BASE", "*** (fallback of ${SECRET_KEY_BASE})")],
        }),
      ),
    );
    expect(outcome.findings[0]?.evidence[0]?.value).toBe("*** (fallback of ${SECRET_KEY_BASE})");
  });
});
