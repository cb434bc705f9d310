import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractContext, ExtractResult } from "../../types";
import { githubActionsFormat } from "./index";

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
}

/** The repository around the workflows: version files and the CI compose file at the root. */
function context(files: Record<string, string> = {}): ExtractContext {
  const all = new Map<string, string>([
    [".nvmrc", fixture(".nvmrc")],
    [".tool-versions", fixture(".tool-versions")],
    ["go.mod", fixture("go.mod")],
    ["docker-compose.ci.yml", fixture("docker-compose.ci.yml")],
    ...Object.entries(files),
  ]);
  return { paths: [...all.keys()], readFile: (path) => all.get(path) };
}

function extract(name: string, ctx = context()): ExtractResult {
  return githubActionsFormat.extract({ path: `.github/workflows/${name}`, content: fixture(name) }, ctx);
}

function summary(result: ExtractResult) {
  return result.uses.map((u) => [u.engine, u.version, u.pinned, u.line, u.environment, u.name]);
}

describe("github-actions: images", () => {
  it("records the images a test job pulls as services, in ci", () => {
    const images = extract("ci.yml").images ?? [];
    expect(images.slice(0, 2).map((image) => [image.ref, image.line, image.tag, image.environment])).toEqual([
      ["postgres:14", 20, "pinned", "ci"],
      ["redis:7-alpine", 30, "pinned", "ci"],
    ]);
  });
});

describe("github-actions: ci.yml", () => {
  const result = extract("ci.yml");

  it.each([
    ["postgres", "14", true, 20, "test/postgres"],
    ["redis", "7", true, 30, "test/redis"],
    ["node", "18", null, 17, "test"],
    ["node", "20", null, 17, "test"],
    ["node", "20", null, 51, "lint"],
    ["elasticsearch", "8", true, 61, "e2e"],
  ])("finds %s %s (pinned %s) at line %i for %s", (engine, version, pinned, line, name) => {
    expect(summary(result)).toContainEqual([engine, version, pinned, line, "ci", name]);
  });

  it("reads the version from the file node-version-file points to", () => {
    const lint = result.uses.find((u) => u.name === "lint");
    expect(lint).toMatchObject({ via: "version-file", raw: "node-version-file: .nvmrc (20.11.0)" });
  });

  it("reads connection URLs of the job env, redacted", () => {
    const url = result.uses.find((u) => u.via === "url" && u.engine === "postgres");
    expect(url).toMatchObject({ line: 34, environment: "ci" });
    expect(url?.raw).not.toContain(":postgres@");
  });

  it("records the compose file CI starts as a CI reference", () => {
    expect(result.references).toEqual([{ path: "docker-compose.ci.yml", environment: "ci", line: 60 }]);
  });

  it("has no deploy jobs and no problems", () => {
    expect(result.deployJobs).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});

describe("github-actions: deploy.yml", () => {
  const result = extract("deploy.yml");

  it("recognises the deploy job by its environment and flyctl deploy", () => {
    expect(result.deployJobs).toEqual([
      {
        workflow: ".github/workflows/deploy.yml",
        job: "deploy",
        line: 9,
        environment: "production",
        evidence: "environment: production; flyctl deploy --remote-only",
        triggers: ["push", "workflow_dispatch"],
      },
    ]);
  });

  it("keeps the deploy job's runtime as ci and leaves its backing services out", () => {
    expect(summary(result)).toEqual([["node", "20", null, 20, "ci", "deploy"]]);
  });
});

describe("github-actions: matrix and expressions", () => {
  const result = extract("matrix-and-expressions.yml");

  it("expands include and exclude like Actions does", () => {
    const lines = result.uses.filter((u) => u.engine === "python" && u.name === "db-matrix").map((u) => u.line);
    expect(lines).toEqual([13, 13, 19]);
    const pythons = result.uses.filter((u) => u.engine === "python" && u.name === "db-matrix").map((u) => u.version);
    expect(pythons.sort()).toEqual(["3.11", "3.12", "3.13"]);
    const pgs = result.uses.filter((u) => u.engine === "postgres").map((u) => [u.version, u.line]);
    expect(pgs).toEqual([
      ["15", 12],
      ["16", 12],
    ]);
  });

  it("resolves env expressions and version files, skips what cannot be known", () => {
    expect(summary(result)).toEqual(
      expect.arrayContaining([
        ["python", "3.12", true, 35, "ci", "computed"],
        ["ruby", "3.3", null, 40, "ci", "computed"],
        ["go", "1.22", null, 45, "ci", "computed"],
      ]),
    );
    // Versions CI computes at run time cannot be known: silence, not a skip notice per line.
    expect(result.problems).toEqual([]);
  });

  it("reads list triggers", () => {
    expect(result.deployJobs).toEqual([]);
    const withTriggers = githubActionsFormat.extract(
      { path: ".github/workflows/x.yml", content: "on: [push, pull_request]\njobs:\n  d:\n    environment: prod\n" },
      context(),
    );
    expect(withTriggers.deployJobs?.[0]?.triggers).toEqual(["push", "pull_request"]);
  });
});

describe("github-actions: deploy commands and actions", () => {
  const result = extract("many-deploys.yml");

  it.each([
    ["vercel", "production", "vercel deploy --prod"],
    ["heroku", null, "uses: akhileshns/heroku-deploy@v3.13.15"],
    ["render", null, "curl api.render.com/deploy"],
    ["ecs", "prod-eu", "environment: prod-eu; aws ecs update-service"],
    ["capistrano", "production", "cap production deploy"],
  ])("job %s deploys to %s", (job, environment, evidence) => {
    const deploy = result.deployJobs?.find((d) => d.job === job);
    expect(deploy?.environment).toBe(environment);
    expect(deploy?.evidence.startsWith(evidence)).toBe(true);
    expect(deploy?.triggers).toEqual(["release"]);
  });

  it("gives one deploy job per matrix environment and none for a build job", () => {
    expect(result.deployJobs?.filter((d) => d.job === "kube").map((d) => d.environment)).toEqual([
      "staging",
      "production",
    ]);
    expect(result.deployJobs?.some((d) => d.job === "build")).toBe(false);
  });

  it("never shows secrets in evidence", () => {
    expect(JSON.stringify(result)).not.toMatch(/srv-abc123\?key|VERCEL_TOKEN }}/);
  });
});

describe("github-actions: robustness", () => {
  it.each([
    ["not yaml", "jobs: [\n  - {"],
    ["empty", ""],
    ["scalar", "just text"],
    [
      "weird jobs",
      "on: push\njobs:\n  a: 1\n  b:\n    services: 3\n    container: {}\n    steps: [1, null, {run: 7}]\n",
    ],
    [
      "broken expression",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an Actions expression, not a JS template
      "on: push\njobs:\n  a:\n    container: node:${{ matrix.x\n    steps:\n      - uses: actions/setup-node@v4\n        with: {node-version: '${{ }}'}\n",
    ],
  ])("never throws on %s", (_label, content) => {
    const result = githubActionsFormat.extract({ path: ".github/workflows/x.yml", content }, context());
    expect(Array.isArray(result.problems)).toBe(true);
  });

  it("reports a parse error with its line", () => {
    const result = githubActionsFormat.extract(
      { path: ".github/workflows/x.yml", content: "on: push\njobs:\n  a: [\n" },
      context(),
    );
    expect(result.problems[0]?.type).toBe("parse-error");
    expect(result.problems[0]?.line).toBeGreaterThan(1);
  });

  it("states a missing version file as a skip", () => {
    const result = extract("ci.yml", { paths: [], readFile: () => undefined });
    expect(result.problems).toContainEqual({
      type: "skipped",
      line: 51,
      message: "node-version-file .nvmrc is not in the repository",
    });
  });
});

describe("github-actions: CI as it runs, per job", () => {
  const result = extract(
    "test-jobs.yml",
    context({
      "package.json": fixture("follow/package.json"),
      Makefile: fixture("follow/Makefile"),
      "scripts/ci.sh": fixture("follow/ci.sh"),
      "docker/development/compose.yml": "services: {}\n",
      "docker/compose.e2e.yml": "services: {}\n",
    }),
  );
  const jobs = Object.fromEntries((result.ciJobs ?? []).map((job) => [job.job, job]));

  it.each([
    ["lint", null],
    ["unit", "npm test"],
    ["e2e", "make e2e"],
    ["integration", "python -m pytest"],
    ["smoke", null],
    ["shared", null],
  ])("job %s runs tests: %s", (name, tests) => {
    expect(jobs[name]?.tests).toBe(tests);
  });

  it("follows npm scripts and make targets (with prerequisites and variables) to the compose files they start", () => {
    expect(jobs.e2e?.starts).toEqual(["docker/development/compose.yml", "docker/compose.e2e.yml"]);
    expect(result.references?.map((r) => r.path)).toEqual(["docker/development/compose.yml", "docker/compose.e2e.yml"]);
  });

  it("records a reusable workflow of another repository as a call it cannot read", () => {
    expect(jobs.shared).toMatchObject({ calls: "acme/workflows/.github/workflows/test.yml@v2", tests: null });
  });

  it.each([
    ["postgres", null, 37, "systemctl start postgresql.service"],
    ["mysql", null, 39, "service mysql start"],
    ["mariadb", "11.4", 41, "uses: ankane/setup-mariadb@v1 (11.4)"],
  ])("reads %s started on the runner (version %s)", (engine, version, line, raw) => {
    const found = result.uses.find((u) => u.engine === engine && u.name === "integration");
    expect(found).toMatchObject({ kind: "database", version, line, raw, environment: "ci" });
  });

  it("resolves a shell variable assigned earlier in the script, and says nothing of what CI computes", () => {
    const smoke = result.uses.filter((u) => u.name === "smoke");
    expect(smoke.map((u) => [u.engine, u.version, u.raw])).toEqual([["redis", "7", "docker run redis:7.2"]]);
    expect(result.problems).toEqual([]);
  });
});

describe("github-actions: local composite actions", () => {
  it("reads what a composite action's steps start, at the step that uses it", () => {
    const workflow =
      "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/start-db\n      - run: go test ./...\n";
    const action =
      "name: start-db\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: |\n        docker run -d -p 5432:5432 postgres:16.4\n";
    const result = githubActionsFormat.extract(
      { path: ".github/workflows/test.yml", content: workflow },
      context({ ".github/actions/start-db/action.yml": action }),
    );
    expect(result.uses.map((u) => [u.engine, u.version, u.line, u.raw])).toEqual([
      ["postgres", "16", 6, "docker run postgres:16.4 (.github/actions/start-db/action.yml)"],
    ]);
    expect(result.ciJobs?.[0]).toMatchObject({ job: "test", tests: "go test" });
  });
});
