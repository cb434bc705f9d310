import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../lib/parity/types";
import { parity, root, shop } from "./__tests__/run-parity";

describe("parity audit <path>", () => {
  it("reports the tools gap of a realistic repository as JSON with the documented schema", async () => {
    const { code, stdout } = await parity("audit", shop, "--format", "json", "--no-history");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.repository).toBe("shop");
    expect(report.scores.tools).toBeTypeOf("number");
    expect(report.scores.time).toBeNull();
    expect(report.scores.personnel).toBeNull();
    const checks = new Set(report.findings.map((finding) => finding.check));
    for (const check of ["db-engine", "ci-services", "service-version", "runtime-version", "unpinned-image"]) {
      expect(checks, check).toContain(check);
    }
    for (const finding of report.findings) {
      expect(finding.fingerprint).toMatch(/^[0-9a-f]+$/);
      expect(["tools", "time", "personnel"]).toContain(finding.gap);
      for (const evidence of finding.evidence) {
        expect(evidence).toEqual(expect.objectContaining({ file: expect.any(String), line: expect.any(Number) }));
      }
    }
    // SQLite in .env.example against PostgreSQL 16 on RDS: the seed's classic.
    const dbEngine = report.findings.find((finding) => finding.check === "db-engine");
    expect(dbEngine?.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ environment: "dev", file: ".env.example", line: 2 }),
        expect.objectContaining({ environment: "prod", file: "infra/database.tf" }),
      ]),
    );
    expect(report.inventory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          environment: "dev",
          kind: "runtime",
          engine: "node",
          version: "18",
          file: ".nvmrc",
          line: 1,
        }),
        expect.objectContaining({
          environment: "prod",
          kind: "runtime",
          engine: "node",
          version: "20",
          file: "Dockerfile",
        }),
        expect.objectContaining({ environment: "ci", kind: "database", engine: "postgres", version: "14" }),
      ]),
    );
  });

  it("prints the matrix and fixes as text, without colour when not on a terminal", async () => {
    const { code, stdout } = await parity("audit", shop, "--no-history");
    expect(code).toBe(0);
    expect(stdout).toContain("SQLite in dev, PostgreSQL 16 in prod");
    expect(stdout).toMatch(/\.env\.example:2/);
    expect(stdout).toMatch(/Fix:/);
    expect(stdout).not.toContain("\u001b[");
  });

  it("explains with --explain why each file is in its environments", async () => {
    const plain = await parity("audit", shop, "--no-history");
    expect(plain.stdout).not.toContain("Environments of the files read");
    const { code, stdout } = await parity("audit", shop, "--no-history", "--explain");
    expect(code).toBe(0);
    expect(stdout).toContain("Environments of the files read");
    // The compose file says what it is in its header; the workflow that starts it adds ci.
    expect(stdout).toMatch(
      /docker-compose\.yml {2}dev, ci\n {6}dev: its header says "Local development"; ci: started by \.github\/workflows\/ci\.yml:\d+/,
    );
    expect(stdout).toMatch(/deploy\/k8s\/app\.yaml {2}prod/);
  });

  it("writes SARIF 2.1.0 with a result per finding location", async () => {
    const { code, stdout } = await parity("audit", shop, "--format", "sarif", "--no-history");
    expect(code).toBe(0);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it.each([
    [["--fail-on", "high"], 1, /gate failed: \d+ unsuppressed findings? at high or worse/],
    [["--fail-under", "99"], 1, /gate failed: overall score \d+ is below 99/],
    [["--fail-under", "0"], 0, /^$/],
  ])("gates CI with %j", async (gate, expectedCode, message) => {
    const { code, stderr } = await parity("audit", shop, "--format", "json", "--no-history", ...gate);
    expect(code).toBe(expectedCode);
    expect(stderr.trim()).toMatch(message);
  });

  it.each([
    [["audit"], /Missing what to audit/],
    [["audit", shop, "--format", "xml"], /--format must be one of text, json, sarif, markdown/],
    [["audit", shop, "--fail-under", "150"], /--fail-under must be a score from 0 to 100/],
    [["audit", shop, "--fail-on", "critical"], /--fail-on must be one of high, medium, low, info/],
    [["audit", "not a path or repo"], /neither a directory nor a GitHub repository/],
    [["deploy"], /Unknown command "deploy"/],
  ])("refuses %j with a sentence and exit code 2", async (args, message) => {
    const { code, stderr } = await parity(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("takes .parity.yml from --config and reports its problems with their line", async () => {
    const config = path.join(root, "cli", "__fixtures__", "bad-parity.yml");
    const { code, stdout } = await parity("audit", shop, "--format", "json", "--no-history", "--config", config);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    const suppressed = report.findings.filter((finding) => finding.suppressed);
    expect(suppressed.map((finding) => finding.check)).toContain("unpinned-image");
    const configProblem = report.findings.find((finding) => finding.check === "parse-error");
    expect(configProblem?.evidence[0]).toEqual(expect.objectContaining({ file: ".parity.yml", line: 5 }));
  });
});
