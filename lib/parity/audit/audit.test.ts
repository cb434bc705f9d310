import { describe, expect, it } from "vitest";
import { ENGINE_DIFF, IMAGE_LINES, makeSnapshot } from "../__tests__/support";
import { defaultConfig } from "../config/defaults";
import type { Check } from "../types";
import { audit } from "./audit";

const NOW = new Date("2025-06-01T12:00:00Z");
const options = { formats: [IMAGE_LINES], checks: [ENGINE_DIFF] };

const DEV = "services:\n  db:\n    image: sqlite:3\n  cache:\n    image: redis:7\n";
const PROD = "services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n";

describe("audit", () => {
  it("turns drafts into findings with fingerprint, gap, title and metrics", () => {
    const report = audit(
      makeSnapshot({ "docker-compose.yml": DEV, "docker-compose.prod.yml": PROD }),
      null,
      NOW,
      options,
    );
    expect(report).toMatchObject({
      schemaVersion: 1,
      repository: "acme/shop",
      auditedAt: "2025-06-01T12:00:00.000Z",
      metrics: { engineDiffs: 1 },
    });
    expect(report.findings).toEqual([
      {
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        check: "engine-diff",
        gap: "tools",
        severity: "high",
        title: "Engines differ between dev and prod",
        message: "sqlite in dev, postgres in prod",
        service: "database:postgres",
        environments: ["dev", "prod"],
        evidence: [
          { environment: "dev", file: "docker-compose.yml", line: 3, value: "image: sqlite:3" },
          { environment: "prod", file: "docker-compose.prod.yml", line: 3, value: "image: postgres:16" },
        ],
        suppressed: false,
      },
    ]);
    expect(report.checks.map((check) => [check.id, check.status])).toEqual([
      ["engine-diff", "fail"],
      ["parse-error", "not-applicable"],
    ]);
    expect(report.inventory).toHaveLength(4);
  });

  it("keeps a finding's fingerprint when its lines move", () => {
    const before = audit(
      makeSnapshot({ "docker-compose.yml": DEV, "docker-compose.prod.yml": PROD }),
      null,
      NOW,
      options,
    );
    const moved = audit(
      makeSnapshot({
        "docker-compose.yml": `# dev stack\n\n${DEV}`,
        "docker-compose.prod.yml": `version: "3"\n${PROD}`,
      }),
      null,
      NOW,
      options,
    );
    expect(moved.findings[0]?.evidence[0]?.line).toBe(5);
    expect(moved.findings[0]?.fingerprint).toBe(before.findings[0]?.fingerprint);
  });

  it.each([
    ["check only", { check: "engine-diff" }, true],
    ["service by engine", { check: "engine-diff", service: "postgres" }, true],
    ["service by kind", { check: "engine-diff", service: "database" }, true],
    ["service exactly", { check: "engine-diff", service: "database:postgres" }, true],
    ["other service", { check: "engine-diff", service: "redis" }, false],
    ["environment involved", { check: "engine-diff", environment: "dev" as const }, true],
    ["environment not involved", { check: "engine-diff", environment: "ci" as const }, false],
    ["other check", { check: "db-engine" }, false],
  ])("suppression by %s -> %s", (_name, entry, suppressed) => {
    const config = { ...defaultConfig(), suppress: [{ ...entry, reason: "accepted risk" }] };
    const report = audit(
      makeSnapshot({ "docker-compose.yml": DEV, "docker-compose.prod.yml": PROD }),
      config,
      NOW,
      options,
    );
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.suppressed).toBe(suppressed);
    expect(report.findings[0]?.suppressionReason).toBe(suppressed ? "accepted risk" : undefined);
  });

  it("suppresses by fingerprint from .parity.yml and keeps the finding visible", () => {
    const files = { "docker-compose.yml": DEV, "docker-compose.prod.yml": PROD };
    const first = audit(makeSnapshot(files), null, NOW, options);
    const fp = first.findings[0]?.fingerprint ?? "";
    const yml = `suppress:\n  - check: engine-diff\n    fingerprint: "${fp}"\n    reason: SQLite is fine for this demo\n`;
    const report = audit(makeSnapshot({ ...files, ".parity.yml": yml }), null, NOW, options);
    expect(report.findings).toMatchObject([
      { fingerprint: fp, suppressed: true, suppressionReason: "SQLite is fine for this demo" },
    ]);
  });

  it("reports config problems and file problems as parse-error findings with their lines", () => {
    const report = audit(
      makeSnapshot({
        ".parity.yml": "comment: always\nsuppress:\n  - check: engine-diff\n",
        "docker-compose.yml": `${DEV}<<< merge conflict\n<<< again\n`,
      }),
      null,
      NOW,
      options,
    );
    const parse = report.findings.filter((finding) => finding.check === "parse-error");
    expect(parse).toMatchObject([
      { severity: "low", gap: "tools", evidence: [{ file: ".parity.yml", line: 3 }] },
      {
        severity: "low",
        message: "docker-compose.yml: unexpected token <<< (and 1 more)",
        evidence: [
          { file: "docker-compose.yml", line: 6, environment: "dev" },
          { file: "docker-compose.yml", line: 7, environment: "dev" },
        ],
      },
    ]);
    expect(report.checks.find((check) => check.id === "parse-error")).toMatchObject({ status: "fail", score: 6 });
  });

  it("uses the config it is given instead of .parity.yml", () => {
    const config = { ...defaultConfig(), environments: { ignore: ["docker-compose.yml"] } };
    const report = audit(
      makeSnapshot({ ".parity.yml": "not: [valid", "docker-compose.yml": DEV, "docker-compose.prod.yml": PROD }),
      config,
      NOW,
      options,
    );
    expect(report.findings).toEqual([]);
    expect(report.inventory.every((use) => use.file === "docker-compose.prod.yml")).toBe(true);
  });

  it("marks a check that throws as unknown and carries on", () => {
    const throwing: Check = {
      ...ENGINE_DIFF,
      id: "boom",
      run: () => {
        throw new Error("bug at postgres://u:pw@h/db");
      },
    };
    const report = audit(makeSnapshot({ "docker-compose.yml": DEV }), null, NOW, {
      ...options,
      checks: [throwing, ENGINE_DIFF],
    });
    expect(report.checks[0]).toMatchObject({ id: "boom", status: "unknown", score: null });
    expect(report.checks[0]?.summary).not.toContain(":pw@");
    expect(report.checks[1]).toMatchObject({ id: "engine-diff", status: "pass" });
  });

  it("gives two findings with the same identity distinct fingerprints", () => {
    const twice: Check = {
      ...ENGINE_DIFF,
      id: "twice",
      run: () => ({
        status: "fail",
        score: 0,
        summary: "",
        findings: ["a.yml", "b.yml"].map((file) => ({
          message: file,
          environments: ["prod"],
          evidence: [{ environment: "prod", file, line: 1, value: "" }],
        })),
      }),
    };
    const report = audit(makeSnapshot({}), null, NOW, { ...options, checks: [twice] });
    const fps = report.findings.map((finding) => finding.fingerprint);
    expect(new Set(fps).size).toBe(2);
  });
});
