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

describe("env-config", () => {
  it.each([
    {
      name: "a credential written as a literal in prod config is high",
      parts: { literals: [literal("DATABASE_URL", "postgres://app:***@db.internal/app")] },
      status: "fail",
      score: 0,
      findings: [
        ["DATABASE_URL is written as a literal in prod config (config/production.rb)", "high", "config:DATABASE_URL"],
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
      name: "no .env.example at all documents what prod reads (medium)",
      parts: { envKeys: reads("DATABASE_URL", "REDIS_URL", "PORT") },
      status: "fail",
      score: 5,
      findings: [
        [
          "No .env.example documents the 2 variables prod reads (DATABASE_URL, REDIS_URL)",
          "medium",
          "config:env-example",
        ],
      ],
    },
    {
      name: "a few undocumented variables are low",
      parts: {
        envKeys: [...reads("DATABASE_URL", "REDIS_URL", "S3_BUCKET"), ...documents("DATABASE_URL", "REDIS_URL")],
      },
      status: "fail",
      score: 7.5,
      findings: [["1 of 3 variables prod reads are undocumented: S3_BUCKET", "low", "config:env-example"]],
    },
    {
      name: "documented variables and no literals pass",
      parts: { envKeys: [...reads("DATABASE_URL", "FLY_APP_NAME"), ...documents("DATABASE_URL")] },
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

  it("lists the first five undocumented keys and counts the rest", () => {
    const keys = ["A_URL", "B_URL", "C_URL", "D_URL", "E_URL", "F_URL", "G_URL"];
    const outcome = envConfig.run(
      input(inventory({ files: prodFiles, envKeys: [...reads(...keys), ...documents("OTHER")] })),
    );
    expect(outcome.findings[0]?.message).toBe(
      "7 of 7 variables prod reads are undocumented: A_URL, B_URL, C_URL, D_URL, E_URL and 2 more",
    );
    expect(outcome.findings[0]?.evidence).toHaveLength(7);
  });
});
