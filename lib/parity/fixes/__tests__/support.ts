/** Table-test helpers for the fix planners: a repository in memory, planned, proved and applied. */
import { expect } from "vitest";
import { audit } from "../../audit/index";
import type { RepoSnapshot } from "../../types";
import { applyEdits } from "../edits";
import { applyToSnapshot, combinePlans, fixFindings } from "../verify";

export const NOW = new Date("2026-12-01T00:00:00Z");

/** Prod as RDS PostgreSQL 16 and a Node.js 20 image: the other side of most cases. */
export const PROD_TF = `resource "aws_db_instance" "main" {
  engine         = "postgres"
  engine_version = "16.3"
}
`;
export const PROD_DOCKERFILE = 'FROM node:20-alpine\nWORKDIR /app\nCMD ["node", "server.js"]\n';

export function snapshotOf(files: Record<string, string>): RepoSnapshot {
  return {
    repository: "acme/shop",
    defaultBranch: "main",
    commit: null,
    paths: Object.keys(files).sort(),
    files: new Map(Object.entries(files)),
  };
}

export interface FixCase {
  name: string;
  files: Record<string, string>;
  check: string;
  /** Each changed file: the exact text replaced and its replacement (the rest must stay byte for byte). */
  changes?: Record<string, [string, string]>;
  /** Expected reason (no plan) instead of changes. */
  reason?: RegExp;
}

/**
 * Plans the case's check, then holds the plan to the rules: only the given text changes,
 * the finding is gone on a second audit (verify.ts already refuses otherwise), a second planning
 * of the fixed repository finds nothing to do for it, and applying the edits again changes nothing.
 */
export function expectFix(test: FixCase): void {
  const snapshot = snapshotOf(test.files);
  const outcome = fixFindings(snapshot, null, NOW, { select: (finding) => finding.check === test.check });
  if (test.reason) {
    expect(outcome.fixes).toEqual([]);
    expect(outcome.unfixed.map((item) => item.reason).join("\n")).toMatch(test.reason);
    return;
  }
  expect(outcome.unfixed, JSON.stringify(outcome.unfixed)).toEqual([]);
  expect(outcome.fixes.length).toBeGreaterThan(0);
  const { edits } = combinePlans(outcome.fixes);
  const fixed = applyToSnapshot(snapshot, edits);
  for (const path of new Set([...Object.keys(test.files), ...Object.keys(test.changes ?? {})])) {
    const content = test.files[path] ?? "";
    const change = test.changes?.[path];
    const expected = change ? content.replace(change[0], change[1]) : content;
    expect(fixed.files.get(path), path).toBe(expected);
  }
  const after = audit(fixed, null, NOW);
  const fingerprints = new Set(outcome.fixes.map((fix) => fix.fingerprint));
  expect(after.findings.filter((finding) => fingerprints.has(finding.fingerprint))).toEqual([]);
  expect(applyEdits(fixed.files, edits)).toEqual(fixed.files);
  const again = fixFindings(fixed, null, NOW, { select: (finding) => finding.check === test.check });
  expect(again.fixes).toEqual([]);
}
