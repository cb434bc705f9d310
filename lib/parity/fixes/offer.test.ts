import { describe, expect, it } from "vitest";
import { audit } from "../audit/index";
import { NOW, PROD_DOCKERFILE, PROD_TF, snapshotOf } from "./__tests__/support";
import { offerFixes, scrubbedDiff } from "./offer";

const COMPOSE = [
  "services:",
  "  db:",
  "    image: postgres:14",
  "    environment:",
  "      POSTGRES_PASSWORD: hunter2-very-secret",
  "  cache:",
  "    image: redis:latest",
  "",
].join("\n");

const snapshot = snapshotOf({
  "docker-compose.yml": COMPOSE,
  "infra/db.tf": PROD_TF,
  "infra/cache.tf":
    'resource "aws_elasticache_cluster" "c" {\n  engine         = "redis"\n  engine_version = "7.1"\n}\n',
  Dockerfile: PROD_DOCKERFILE,
  ".nvmrc": "18\n",
});
const report = audit(snapshot, null, NOW);
const offered = offerFixes(snapshot, null, NOW, report);

describe("the fixes an audit offers the dashboard", () => {
  it("offers each proven plan with its diff and the scores after it", () => {
    const versions = offered.fixes.find((fix) => fix.check === "service-version");
    expect(versions?.diff).toContain("-    image: postgres:14\n+    image: postgres:16\n");
    expect(versions?.edits[0]).toMatchObject({ file: "docker-compose.yml", before: "postgres:14" });
    expect(versions?.after.tools).toBeGreaterThan(report.scores.tools ?? 100);
    expect(offered.commit).toBe(report.commit);
  });

  it("never shows a credential of the repository, even on a context line", () => {
    expect(COMPOSE).toContain("hunter2");
    for (const fix of offered.fixes) expect(fix.diff).not.toContain("hunter2");
    expect(JSON.stringify(offered)).not.toContain("hunter2");
  });

  it("bundles every plan whose edits do not clash, and scores the bundle with one audit", () => {
    expect(offered.fixes.length).toBeGreaterThan(1);
    expect(offered.bundle).toEqual(offered.fixes.map((fix) => fix.fingerprint));
    const best = Math.max(...offered.fixes.map((fix) => fix.after.tools ?? 0));
    expect(offered.bundleAfter?.tools).toBeGreaterThanOrEqual(best);
  });

  it("says why every other open finding has no change", () => {
    const open = report.findings.filter((finding) => !finding.suppressed).length;
    expect(offered.fixes.length + offered.unfixed.length).toBe(open);
    for (const item of offered.unfixed) expect(item.reason.length).toBeGreaterThan(10);
  });

  it("offers nothing, and no bundle, when nothing is mechanical", () => {
    const bare = snapshotOf({ "README.md": "# shop\n" });
    const none = offerFixes(bare, null, NOW, audit(bare, null, NOW));
    expect(none).toMatchObject({ fixes: [], bundle: [], bundleAfter: null });
  });

  it("scrubs the lines of a diff it is given directly", () => {
    const files = new Map([["a.env", "TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123\nNODE=18\n"]]);
    const at = "TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123\nNODE=".length;
    const diff = scrubbedDiff(files, [{ file: "a.env", start: at, end: at + 2, before: "18", after: "20" }]);
    expect(diff).toContain("+NODE=20");
    expect(diff).not.toContain("ghp_abcdefghijklmnopqrstuvwxyz0123");
  });
});
