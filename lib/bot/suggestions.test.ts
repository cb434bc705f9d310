import { describe, expect, it } from "vitest";
import type { FixPlan } from "../parity/fixes/index";
import type { DeltaFinding } from "./delta";
import { markedFingerprints, reviewBody, suggestionComments, suggestionMarker } from "./suggestions";

const CI = [
  "jobs:",
  "  test:",
  "    runs-on: ubuntu-latest",
  "    services:",
  "      postgres:",
  "        image: postgres:14",
  "    steps:",
  "      - run: npm test",
  "",
].join("\n");

function finding(fingerprint = "fp1"): DeltaFinding {
  return {
    fingerprint,
    check: "ci-services",
    severity: "medium",
    title: "CI runs prod's database engine and version",
    message: "PostgreSQL 14 in ci, PostgreSQL 16 in prod",
    evidence: [{ environment: "ci", file: "ci.yml", line: 6, value: "image: postgres:14" }],
  };
}

function replace(content: string, file: string, before: string, after: string, fingerprint = "fp1"): FixPlan {
  const start = content.indexOf(before);
  return {
    fingerprint,
    check: "ci-services",
    summary: "",
    edits: [{ file, start, end: start + before.length, before, after }],
  };
}

const files = new Map([["ci.yml", CI]]);
const retag = replace(CI, "ci.yml", "postgres:14", "postgres:16");
const steps = CI.indexOf("    steps:");
const insertion: FixPlan = {
  fingerprint: "fp1",
  check: "ci-services",
  summary: "",
  edits: [{ file: "ci.yml", start: steps, end: steps, before: "", after: "    env:\n      CI: true\n" }],
};

describe("suggestionComments", () => {
  it.each([
    {
      name: "an edit inside a line the PR added: the whole new line",
      plans: [retag],
      added: [4, 5, 6],
      want: [{ path: "ci.yml", line: 6, suggestion: "        image: postgres:16" }],
    },
    { name: "a line the PR did not add: nothing", plans: [retag], added: [4, 5], want: [] },
    { name: "a file the PR did not touch: nothing", plans: [retag], added: [], want: [] },
    { name: "no plan for the finding: nothing", plans: [], added: [6], want: [] },
    {
      name: "a plan for another finding: nothing",
      plans: [replace(CI, "ci.yml", "postgres:14", "postgres:16", "other")],
      added: [6],
      want: [],
    },
    {
      name: "an edit over two lines: start_line and line, both lines in the block",
      plans: [replace(CI, "ci.yml", "postgres:\n        image: postgres:14", "db:\n        image: postgres:16")],
      added: [5, 6],
      want: [{ path: "ci.yml", startLine: 5, line: 6, suggestion: "      db:\n        image: postgres:16" }],
    },
    {
      name: "an insertion before a line the PR added: the new lines and that line",
      plans: [insertion],
      added: [7],
      want: [{ path: "ci.yml", line: 7, suggestion: "    env:\n      CI: true\n    steps:" }],
    },
    {
      name: "a plan whose edit no longer matches the file: nothing",
      plans: [{ ...retag, edits: [{ ...(retag.edits[0] as FixPlan["edits"][number]), before: "postgres:13" }] }],
      added: [6],
      want: [],
    },
  ])("$name", ({ plans, added, want }) => {
    const comments = suggestionComments({
      findings: [finding()],
      plans,
      files,
      added: new Map([["ci.yml", new Set(added)]]),
    });
    expect(
      comments.map((c) => ({
        path: c.path,
        line: c.line,
        ...(c.startLine ? { startLine: c.startLine } : {}),
        suggestion: /```suggestion\n([\s\S]*)\n```$/.exec(c.body)?.[1],
      })),
    ).toEqual(want);
  });

  it("marks each comment with its finding and skips findings already suggested", () => {
    const input = { findings: [finding()], plans: [retag], files, added: new Map([["ci.yml", new Set([6])]]) };
    const [comment] = suggestionComments(input);
    expect(comment?.body.startsWith(suggestionMarker("fp1"))).toBe(true);
    expect(comment?.body).toContain("PostgreSQL 14 in ci, PostgreSQL 16 in prod; committing this suggestion");
    expect(markedFingerprints(comment?.body)).toEqual(["fp1"]);
    expect(suggestionComments({ ...input, suggested: new Set(["fp1"]) })).toEqual([]);
  });

  it("never echoes a secret and fences past backticks in the line", () => {
    const env = "services:\n  db:\n    image: postgres:14 # password=hunter2-very-secret\n";
    const plan = replace(env, "compose.yaml", "postgres:14", "postgres:16");
    const added = new Map([["compose.yaml", new Set([3])]]);
    expect(
      suggestionComments({ findings: [finding()], plans: [plan], files: new Map([["compose.yaml", env]]), added }),
    ).toEqual([]);
    const ticks = "run: echo ```\nimage: postgres:14\n";
    const [comment] = suggestionComments({
      findings: [finding()],
      plans: [replace(ticks, "x.yml", "postgres:14\n", "postgres:16\nrun: echo ```\n")],
      files: new Map([["x.yml", ticks]]),
      added: new Map([["x.yml", new Set([2])]]),
    });
    expect(comment?.body).toContain("````suggestion\nimage: postgres:16\nrun: echo ```\n````");
  });

  it("writes a short review body", () => {
    expect(reviewBody([{ fingerprint: "a", path: "x", line: 1, body: "" }])).toMatch(
      /^\*\*Parity\*\* suggests a change that brings/,
    );
    expect(
      reviewBody([
        { fingerprint: "a", path: "x", line: 1, body: "" },
        { fingerprint: "b", path: "x", line: 2, body: "" },
      ]),
    ).toMatch(/suggests 2 changes that bring this/);
  });
});
