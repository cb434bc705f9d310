import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import { World } from "../../github-double/world";
import { createGitHubClient } from "../sources/github/index";
import { type Annotation, annotationBatches, renderCheckOutput } from "./check-run";
import { COMMENT_MARKER, renderComment } from "./comment";
import { changesParity, type PrDelta } from "./delta";
import { publishCheckRun } from "./publish";

const scores = (overall: number | null) => ({ overall, tools: overall, time: null, personnel: null });

const DELTA: PrDelta = {
  newFindings: [
    {
      fingerprint: "f1",
      check: "db-engine",
      severity: "high",
      title: "Different database engines",
      message: "MySQL 8 in dev, PostgreSQL 16 in prod | see DATABASE_URL=postgres://app:s3cret@db/app",
      evidence: [
        { environment: "dev", file: "docker-compose.yml", line: 3, value: "image: mysql:8" },
        { environment: "prod", file: "render.yaml", line: 7, value: "postgresMajorVersion: 16" },
      ],
    },
    {
      fingerprint: "f2",
      check: "unpinned-image",
      severity: "low",
      title: "Unpinned image",
      message: "redis:latest in dev",
      evidence: [{ environment: "dev", file: "deploy/dev compose.yml", line: 9, value: "image: redis" }],
    },
  ],
  resolvedFindings: [
    {
      fingerprint: "f3",
      check: "service-version",
      severity: "medium",
      title: "Different service versions",
      message: "Redis 6 in dev, Redis 7 in prod",
      evidence: [{ environment: "dev", file: "docker-compose.yml", line: 9, value: "image: redis:6" }],
    },
  ],
  scoresBefore: scores(82),
  scoresAfter: scores(64.4),
  levelBefore: "silver",
  levelAfter: null,
  matrixChanges: [{ service: "database", environment: "dev", before: "PostgreSQL 16", after: "MySQL 8" }],
};

const LINKS = {
  serverUrl: "https://github.com",
  baseRepository: "acme/shop",
  baseRef: "main",
  headRepository: "outsider/shop",
  headRef: "feature/db",
};

const UNCHANGED: PrDelta = {
  ...DELTA,
  newFindings: [],
  resolvedFindings: [],
  matrixChanges: [],
  scoresAfter: scores(82),
  levelAfter: "silver",
};

describe("the PR comment", () => {
  it("renders the delta concisely (snapshot)", () => {
    expect(renderComment(DELTA, LINKS)).toMatchSnapshot();
  });

  it("renders a PR that changes nothing (inline snapshot)", () => {
    expect(changesParity(UNCHANGED)).toBe(false);
    expect(renderComment(UNCHANGED, LINKS).split("\n").slice(0, 2)).toMatchInlineSnapshot(`
      [
        "<!-- parity:report -->",
        "### Parity: No change to dev/prod parity.",
      ]
    `);
  });

  it("starts with the marker, never shows a secret, and escapes table cells", () => {
    const body = renderComment(DELTA, LINKS);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).not.toContain("s3cret");
    expect(body).toContain("prod \\| see");
    expect(body).toContain("https://github.com/outsider/shop/blob/feature%2Fdb/deploy/dev%20compose.yml#L9");
  });
});

describe("the check run", () => {
  it("fails on new high findings by default and annotates exact lines (snapshot)", () => {
    const output = renderCheckOutput(DELTA, new Set(["docker-compose.yml", "render.yaml"]), "high");
    expect(output.conclusion).toBe("failure");
    expect(output).toMatchSnapshot();
  });

  it.each([
    ["high", "failure"],
    ["medium", "failure"],
    ["none", "success"],
  ] as const)("gate %s gives %s", (gate, conclusion) => {
    expect(renderCheckOutput(DELTA, new Set(), gate).conclusion).toBe(conclusion);
  });

  it("passes when the new findings are below the gate", () => {
    const low = { ...DELTA, newFindings: DELTA.newFindings.filter((f) => f.severity === "low") };
    expect(renderCheckOutput(low, new Set(), "high").conclusion).toBe("success");
    expect(renderCheckOutput(low, new Set(), "low").conclusion).toBe("failure");
  });
});

describe("annotation batches against the double", () => {
  let double: GitHubDouble;
  beforeAll(async () => {
    const world = new World();
    world.addRepo({ owner: "acme", name: "shop" });
    double = await startGitHubDouble({ world });
  });
  afterAll(async () => {
    await double.close();
  });

  it("sends 120 annotations in 3 calls of at most 50, none dropped", async () => {
    const annotations: Annotation[] = Array.from({ length: 120 }, (_, i) => ({
      path: "docker-compose.yml",
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: "warning",
      title: `t${i}`,
      message: `m${i}`,
    }));
    expect(annotationBatches(annotations).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(annotationBatches(annotations).flat()).toEqual(annotations);
    const client = createGitHubClient({ baseUrl: double.url, auth: { type: "token", token: "t" } });
    const result = await publishCheckRun(
      client,
      { owner: "acme", repo: "shop", headSha: "c".repeat(40) },
      { conclusion: "failure", title: "t", summary: "s", annotations },
    );
    expect(result.requests).toBe(3);
    const calls = double.log.filter((r) => r.path.startsWith("/repos/acme/shop/check-runs"));
    expect(calls.map((r) => [r.method, r.status])).toEqual([
      ["POST", 201],
      ["PATCH", 200],
      ["PATCH", 200],
    ]);
  });
});
