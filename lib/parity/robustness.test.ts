import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureRepos, placeFixtures } from "./__tests__/fixture-repos";
import { makeSnapshot } from "./__tests__/support";
import { audit } from "./audit/audit";
import { toMarkdown, toSarif, toText } from "./audit/index";
import { FORMATS } from "./formats/index";
import { formatsFor } from "./formats/registry";
import { toJson } from "./report/json";
import type { Report } from "./types";

/*
 * Hostile repositories through the real FORMATS registry and ALL_CHECKS: every case ends in a
 * report (with a parse-error finding or a stated skip where the content demands one), never an
 * exception. Invalid UTF-8: sources decode bytes with a non-fatal TextDecoder, so the snapshot
 * carries U+FFFD replacement characters; the engine skips such files (inventory/prepare.ts).
 */

const NOW = new Date("2025-06-01T12:00:00Z");

/** A path a glob matches: first brace alternative, `**` and `*` filled in. */
function samplePath(glob: string): string {
  return glob
    .replace(/\{([^},]*)[^}]*\}/g, "$1")
    .replace(/\*\*\//g, "")
    .replace(/\/\*\*$/, "/x")
    .replace(/\[!?([^\]])[^\]]*\]/g, "$1")
    .replace(/\*\*/g, "x")
    .replace(/[*?]/g, "x");
}

const KNOWN_PATHS = [
  "docker-compose.yml",
  "compose.prod.yaml",
  ".devcontainer/devcontainer.json",
  "Dockerfile",
  ".env.example",
  ".env.production",
  ".github/workflows/ci.yml",
  "k8s/deployment.yaml",
  "charts/shop/values.yaml",
  "charts/shop/Chart.yaml",
  "k8s/overlays/prod/kustomization.yaml",
  "fly.toml",
  "render.yaml",
  "app.json",
  "heroku.yml",
  "Procfile",
  "serverless.yml",
  "infra/main.tf",
  "package.json",
  ".nvmrc",
  ".tool-versions",
  "config/database.yml",
  "config/settings.py",
  "src/main/resources/application.yml",
  "prisma/schema.prisma",
];

/** Paths that exercise every registered format (the registry grows while this test stands). */
function hostilePaths(): string[] {
  const sampled = FORMATS.flatMap((format) => format.patterns.filter((p) => !p.startsWith("!")).map(samplePath));
  return [...new Set([...sampled, ...KNOWN_PATHS])].filter((path) => formatsFor(path).length > 0);
}

const aliasBomb = [
  "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  ...Array.from({ length: 9 }, (_, i) => {
    const prev = i === 0 ? "a" : `l${i - 1}`;
    return `l${i}: &l${i} [${Array.from({ length: 9 }, () => `*${prev}`).join(", ")}]`;
  }),
].join("\n");

const CASES: Record<string, { content: string; expect?: (path: string) => "skip" | "parse-error" | null }> = {
  "YAML alias bomb": { content: aliasBomb },
  "10 MB file": { content: `image: postgres:16\n${"x".repeat(10 * 1024 * 1024)}`, expect: () => "skip" },
  "binary content": { content: "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000", expect: () => "skip" },
  "invalid UTF-8": { content: "services:\n  db:\n    image: postgres:16\ufffd\ufffd\n", expect: () => "skip" },
  "BOM and CRLF": { content: "\uFEFFservices:\r\n  db:\r\n    image: postgres:16\r\n" },
  "10,000-deep flow nesting": { content: `${"[".repeat(10_000)}${"]".repeat(10_000)}\n` },
  "10,000-deep JSON objects": { content: `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}` },
  // Block nesting costs an indent per level, so 1,000 levels is what fits in the 1 MB limit.
  "1,000-deep block YAML": {
    content: Array.from({ length: 1_000 }, (_, depth) => `${" ".repeat(depth)}k${depth}:`).join("\n"),
  },
  "duplicate keys": { content: "services:\n  db:\n    image: postgres:16\n  db:\n    image: mysql:8.0\n" },
  "multi-document": {
    content: "services:\n  db:\n    image: postgres:16\n---\nservices:\n  db:\n    image: mysql:8\n",
  },
  "malformed JSONC": {
    content: '{\n  // dev container\n  "image": "mcr.microsoft.com/devcontainers/base",\n  "features": { ,, \n',
    expect: (path) => (/\.jsonc?$/.test(path) ? "parse-error" : null),
  },
  "malformed TOML": {
    content: 'app = "shop"\n[env\nDATABASE_URL = \n[[services]]]\n',
    expect: (path) => (/\.toml$/.test(path) ? "parse-error" : null),
  },
};

function renderAll(report: Report): void {
  toJson(report);
  toSarif(report);
  toMarkdown(report);
  toText(report, { color: true });
}

describe("robustness against hostile files", () => {
  const paths = hostilePaths();

  it("has a sample path for every registered format", () => {
    const uncovered = FORMATS.filter((format) => !paths.some((path) => formatsFor(path, [format]).length > 0));
    expect(uncovered.map((format) => format.id)).toEqual([]);
  });

  it.each(Object.entries(CASES))("%s: ends in a report, never an exception", (_name, { content, expect: want }) => {
    const files = Object.fromEntries(paths.map((path) => [path, content]));
    const report = audit(makeSnapshot({ ...files, ".parity.yml": content }), null, NOW);
    expect(report.schemaVersion).toBe(1);
    renderAll(report);
    for (const path of [...paths, ".parity.yml"]) {
      const outcome = path === ".parity.yml" && !want ? null : (want?.(path) ?? null);
      if (!outcome) continue;
      const finding = report.findings.find(
        (f) => f.check === "parse-error" && f.evidence.some((evidence) => evidence.file === path),
      );
      expect(finding, `${path} should have a ${outcome} finding`).toBeDefined();
      expect(finding?.severity).toBe(outcome === "skip" ? "info" : "low");
    }
  });

  it("reports a config alias bomb as a parse-error of .parity.yml", () => {
    const report = audit(makeSnapshot({ ".parity.yml": aliasBomb }), null, NOW);
    expect(report.findings.some((f) => f.check === "parse-error" && f.evidence[0]?.file === ".parity.yml")).toBe(true);
  });
});

/** Mutations that break syntax in the ways real files break. */
const mutation = fc.oneof(
  fc.record({
    type: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string(),
      fc.constantFrom(":", "{", "[", "&a", "*a", "\t", "- ", '"', "${", "<<: *a", "\n  ", "\u0000", "\ufffd"),
    ),
  }),
  fc.record({ type: fc.constant("delete" as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
  fc.record({ type: fc.constant("duplicate" as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ type: fc.constant("truncate" as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(content: string, change: Mutation): string {
  const at = content.length === 0 ? 0 : change.at % (content.length + 1);
  switch (change.type) {
    case "insert":
      return content.slice(0, at) + change.text + content.slice(at);
    case "delete":
      return content.slice(0, at) + content.slice(at + change.length);
    case "duplicate":
      return content.slice(0, at + change.length) + content.slice(at);
    case "truncate":
      return content.slice(0, at);
  }
}

describe("property: mutated fixtures always give a report", () => {
  const repos = [
    ...fixtureRepos().map((repo) => ({
      name: repo.name,
      files: placeFixtures(repo, (path) => formatsFor(path).length > 0),
    })),
    {
      name: "config",
      files: { ".parity.yml": "environments:\n  prod: [deploy/**]\nsuppress:\n  - check: db-engine\n    reason: ok\n" },
    },
  ];

  it("audit never throws and every renderer accepts the report", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...repos),
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (repo, pick, changes) => {
          const names = Object.keys(repo.files);
          const target = names[pick % names.length] ?? "";
          const mutated = changes.reduce(mutate, repo.files[target] ?? "");
          const report = audit(makeSnapshot({ ...repo.files, [target]: mutated }), null, NOW);
          expect(Array.isArray(report.findings)).toBe(true);
          renderAll(report);
        },
      ),
      { numRuns: 100_000, interruptAfterTimeLimit: 5_000 },
    );
  });
});
