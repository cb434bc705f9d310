import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { PARSE_ERROR_CHECK } from "../check-meta";
import type { Report, ServiceUse } from "../types";
import { toJson } from "./json";
import { escapeMarkdown, toMarkdown } from "./markdown";
import { buildMatrix } from "./matrix";
import { toSarif } from "./sarif";
import { toText } from "./text";

const META = [
  {
    id: "db-engine",
    gap: "tools" as const,
    severity: "high" as const,
    level: "bronze" as const,
    title: "Database engine differs",
    rationale: "SQLite accepts what PostgreSQL rejects.",
    remediation: "Run PostgreSQL in dev with docker compose.",
  },
];

const REPORT: Report = {
  schemaVersion: 1,
  engineVersion: "0.1.0",
  repository: "acme/shop",
  commit: "0123456789abcdef0123456789abcdef01234567",
  auditedAt: "2025-06-01T12:00:00.000Z",
  scores: { overall: 61.5, tools: 48, time: null, personnel: null },
  level: null,
  nextLevel: { level: "bronze", needs: ["Run the production database engine in dev"] },
  checks: [
    { id: "db-engine", gap: "tools", severity: "high", status: "fail", score: 0, summary: "SQLite vs PostgreSQL" },
    { id: "parse-error", gap: "tools", severity: "low", status: "fail", score: 8, summary: "1 file could not be read" },
  ],
  findings: [
    {
      fingerprint: "aaaaaaaaaaaaaaaa",
      check: "db-engine",
      gap: "tools",
      severity: "high",
      title: "Database engine differs",
      message: "SQLite in dev, PostgreSQL 16 in prod",
      service: "database:postgres",
      environments: ["dev", "prod"],
      evidence: [
        { environment: "dev", file: "config/database.yml", line: 4, value: "adapter: sqlite3" },
        { environment: "prod", file: "k8s/my app/db.yaml", line: 12, value: "image: postgres:16" },
      ],
      suppressed: false,
    },
    {
      fingerprint: "bbbbbbbbbbbbbbbb",
      check: "parse-error",
      gap: "tools",
      severity: "low",
      title: PARSE_ERROR_CHECK.title,
      message: "docker-compose.yml: bad | pipe <b>",
      environments: [],
      evidence: [{ environment: null, file: "docker-compose.yml", line: 3, value: "bad indentation" }],
      suppressed: true,
      suppressionReason: "generated file",
    },
  ],
  inventory: [
    {
      environment: "dev",
      kind: "database",
      engine: "sqlite",
      version: "3",
      pinned: null,
      file: "config/database.yml",
      line: 4,
      raw: "adapter: sqlite3",
      via: "adapter",
      format: "rails",
    },
    {
      environment: "dev",
      kind: "storage",
      engine: "s3",
      version: null,
      pinned: false,
      file: "docker-compose.yml",
      line: 9,
      raw: "image: minio/minio",
      via: "image",
      format: "compose",
      emulator: "minio",
    },
    {
      environment: "dev",
      kind: "runtime",
      engine: "node",
      version: "20",
      pinned: null,
      file: ".nvmrc",
      line: 1,
      raw: "20",
      via: "version-file",
      format: "runtime-versions",
    },
    {
      environment: "prod",
      kind: "database",
      engine: "postgres",
      version: "16",
      pinned: true,
      file: "k8s/my app/db.yaml",
      line: 12,
      raw: "image: postgres:16",
      via: "image",
      format: "k8s",
    },
    {
      environment: "prod",
      kind: "runtime",
      engine: "node",
      version: "22",
      pinned: true,
      file: "Dockerfile",
      line: 1,
      raw: "FROM node:22",
      via: "image",
      format: "dockerfile",
    },
    {
      environment: "prod",
      kind: "runtime",
      engine: "python",
      version: "3.12",
      pinned: true,
      file: "worker/Dockerfile",
      line: 1,
      raw: "FROM python:3.12",
      via: "image",
      format: "dockerfile",
    },
  ],
  files: [{ path: "docker-compose.yml", format: "compose", environments: ["dev"] }],
  metrics: { leadTimeHours: null },
};

function sarifValidator() {
  // The official SARIF 2.1.0 schema (draft-04), as shipped by Microsoft's jest-sarif package.
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  // unicodeRegExp off: the schema's language pattern has a stray `]` that only the u flag rejects.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat("uri", (value: string) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(value));
  ajv.addFormat("uri-reference", (value: string) => !/\s/.test(value));
  ajv.addFormat("date-time", (value: string) => /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value)));
  return ajv.compile(schema);
}

describe("toSarif", () => {
  const sarif = JSON.parse(toSarif(REPORT, { checks: META }));

  it("validates against the SARIF 2.1.0 schema", () => {
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("the schema check can fail", () => {
    const validate = sarifValidator();
    expect(validate({ ...sarif, version: "2.0.0" })).toBe(false);
  });

  it("carries rules from check metadata, locations and suppressions", () => {
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(["db-engine", "parse-error"]);
    expect(run.tool.driver.rules[0]).toMatchObject({
      fullDescription: { text: META[0]?.rationale },
      help: { text: META[0]?.remediation },
      defaultConfiguration: { level: "error" },
    });
    expect(run.results[0]).toMatchObject({
      ruleId: "db-engine",
      ruleIndex: 0,
      level: "error",
      partialFingerprints: { "parity/v1": "aaaaaaaaaaaaaaaa" },
      locations: [{ physicalLocation: { artifactLocation: { uri: "config/database.yml" }, region: { startLine: 4 } } }],
      relatedLocations: [{ physicalLocation: { artifactLocation: { uri: "k8s/my%20app/db.yaml" } } }],
    });
    expect(run.results[0].suppressions).toBeUndefined();
    expect(run.results[1].suppressions).toEqual([
      { kind: "external", status: "accepted", justification: "generated file" },
    ]);
  });
});

describe("toJson", () => {
  it("round-trips the report", () => {
    expect(JSON.parse(toJson(REPORT))).toEqual(REPORT);
  });

  it("gives the same text whatever the key order of the input", () => {
    const reordered = Object.fromEntries(Object.entries(REPORT).reverse()) as unknown as Report;
    expect(toJson(reordered)).toBe(toJson(REPORT));
    expect(Object.keys(JSON.parse(toJson(reordered)))[0]).toBe("schemaVersion");
  });
});

describe("buildMatrix", () => {
  it("lays services out by kind and environment, one row per runtime", () => {
    expect(buildMatrix(REPORT)).toEqual({
      environments: ["dev", "prod"],
      rows: [
        { label: "database", cells: ["SQLite 3", "PostgreSQL 16"] },
        { label: "storage", cells: ["S3 (minio) (unpinned)", "—"] },
        { label: "runtime: Node.js", cells: ["Node.js 20", "Node.js 22"] },
        { label: "runtime: Python", cells: ["—", "Python 3.12"] },
      ],
    });
  });

  it("shows a stated minimum and a documented version as what they are, not as a runtime that runs", () => {
    const stated = (name: string, file: string): ServiceUse => ({
      environment: "dev",
      kind: "runtime",
      engine: "node",
      version: "20",
      pinned: false,
      file,
      line: 3,
      raw: "node 20",
      via: "setting",
      format: name === "minimum" ? "runtime-versions" : "docs-versions",
      name,
    });
    const matrix = buildMatrix({
      inventory: [stated("minimum", "package.json"), stated("documentation", "README.md")],
    });
    expect(matrix.rows).toEqual([{ label: "runtime: Node.js", cells: ["Node.js >= 20 (minimum), Node.js 20 (docs)"] }]);
  });
});

describe("toMarkdown", () => {
  const markdown = toMarkdown(REPORT, { checks: META });

  it("shows score, matrix, findings with locations, rationale and next level", () => {
    expect(markdown).toContain("# Parity report: acme/shop");
    expect(markdown).toContain("| Service | dev | prod |");
    expect(markdown).toContain("| database | SQLite 3 | PostgreSQL 16 |");
    expect(markdown).toContain("`config/database.yml:4` (dev) `adapter: sqlite3`");
    expect(markdown).toContain("SQLite accepts what PostgreSQL rejects.");
    expect(markdown).toContain("## Suppressed (1)");
    expect(markdown).toContain("- Run the production database engine in dev");
  });

  it("lists why each file is in its environments, collapsed", () => {
    const explained = toMarkdown(
      {
        ...REPORT,
        files: [
          { path: "compose.yml", format: "compose", environments: ["prod"], reason: "prod: runs acme/shop | <b>" },
          { path: "compose.yml", format: "other", environments: ["prod"], reason: "prod: runs acme/shop | <b>" },
        ],
      },
      { checks: META },
    );
    expect(explained).toContain("<details><summary>Environments of the files read</summary>");
    expect(explained.match(/\| compose\.yml \|/g)).toHaveLength(1);
    expect(explained).toContain("| compose.yml | prod | prod: runs acme/shop \\| \\<b\\> |");
  });

  it("escapes repository text", () => {
    expect(markdown).toContain("bad \\| pipe \\<b\\>");
    expect(escapeMarkdown("a|b<script>")).toBe("a\\|b\\<script\\>");
  });
});

describe("toText", () => {
  it("has no ANSI codes without colour and some with it", () => {
    expect(toText(REPORT, { color: false, checks: META })).not.toContain("\u001b[");
    expect(toText(REPORT, { color: true, checks: META })).toContain("\u001b[31m");
  });

  it("aligns the matrix columns", () => {
    const lines = toText(REPORT, { color: false }).split("\n");
    const header = lines.findIndex((line) => line.startsWith("Service"));
    const table = lines.slice(header, header + 5);
    const prodColumn = table[0]?.indexOf("prod") ?? -1;
    expect(prodColumn).toBeGreaterThan(0);
    expect(table.slice(1).map((line) => line.slice(prodColumn).split("  ")[0]?.trim())).toEqual([
      "PostgreSQL 16",
      "—",
      "Node.js 22",
      "Python 3.12",
    ]);
  });

  it("lists findings with file:line, why and fix, then suppressed ones and the next level", () => {
    const text = toText(REPORT, { color: false, checks: META });
    expect(text).toContain("Score 62/100  Level: Not yet");
    expect(text).toMatch(/HIGH\s+Database engine differs \[db-engine\]/);
    expect(text).toContain("config/database.yml:4 (dev)  adapter: sqlite3");
    expect(text).toContain("Why: SQLite accepts what PostgreSQL rejects.");
    expect(text).toContain("Fix: Run PostgreSQL in dev with docker compose.");
    expect(text).toContain("Suppressed (1)");
    expect(text).toContain("suppressed: generated file");
    expect(text).toContain("Next level: Bronze needs\n  - Run the production database engine in dev");
  });

  it("strips terminal escape sequences from repository text", () => {
    const evil = { ...REPORT, repository: "acme/\u001b[2Jshop" };
    expect(toText(evil, { color: false })).not.toContain("\u001b");
  });
});
