import { describe, expect, it } from "vitest";
import type { CiJob } from "../types";
import { runtimeVersion } from "./runtime-version";
import { input, inventory, use } from "./test-helpers";

const prodNode = use("prod", "runtime", "node", "20", { file: "Dockerfile", raw: "FROM node:20-alpine" });

describe("runtime-version", () => {
  it.each([
    {
      name: ".nvmrc two majors behind the Dockerfile is high",
      uses: [use("dev", "runtime", "node", "18", { file: ".nvmrc", raw: "18.19.0", via: "version-file" }), prodNode],
      status: "fail",
      score: 0,
      findings: [["Node.js 18 in dev, Node.js 20 in prod", "high", "runtime:node", ["dev", "prod"]]],
    },
    {
      name: "Java one major apart is medium",
      uses: [use("dev", "runtime", "java", "20"), use("prod", "runtime", "java", "21")],
      status: "fail",
      score: 5,
      findings: [["Java 20 in dev, Java 21 in prod", "medium", "runtime:java", ["dev", "prod"]]],
    },
    {
      name: "Python minor difference is low",
      uses: [use("ci", "runtime", "python", "3.11"), use("prod", "runtime", "python", "3.12")],
      status: "fail",
      score: 7.5,
      findings: [["Python 3.11 in ci, Python 3.12 in prod", "low", "runtime:python", ["ci", "prod"]]],
    },
    {
      name: "another runtime altogether",
      uses: [use("dev", "runtime", "node", "20"), use("prod", "runtime", "bun", "1.1")],
      status: "fail",
      score: 0,
      findings: [["Node.js 20 in dev, Bun 1.1 in prod", "high", "runtime:bun", ["dev", "prod"]]],
    },
    {
      name: "a runtime of another language (Node.js building a Python app's frontend) is not compared",
      uses: [use("ci", "runtime", "node", "24"), use("prod", "runtime", "python", "3.12")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "a code generator's image and a Go tools module are tooling, not the app's runtime",
      uses: [
        use("dev", "runtime", "go", "1.12", { file: "internal/tools/go.mod", raw: "toolchain go1.12" }),
        use("prod", "runtime", "go", "1.26", { file: "src/checkout/genproto/Dockerfile", raw: "FROM golang:1.26" }),
        use("prod", "runtime", "go", "1.25", { file: "src/checkout/Dockerfile", raw: "FROM golang:1.25" }),
        use("ci", "runtime", "go", "1.25"),
      ],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "a prod-classified image under a test folder is a test image",
      uses: [
        use("ci", "runtime", "python", "3.12"),
        use("prod", "runtime", "python", "3.14", { file: "test/telemetry/Dockerfile" }),
      ],
      status: "not-applicable",
      score: null,
      findings: [],
    },
    {
      name: "extra tooling runtimes in CI beside prod's are fine",
      uses: [use("ci", "runtime", "node", "20"), use("ci", "runtime", "python", "3.12"), prodNode],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "a CI matrix including prod's version passes",
      uses: [
        use("ci", "runtime", "node", "18"),
        use("ci", "runtime", "node", "20"),
        use("ci", "runtime", "node", "22"),
        prodNode,
      ],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "each environment is its own finding; environments already on prod's version are cited",
      uses: [
        use("dev", "runtime", "java", "21", { file: ".devcontainer/devcontainer.json" }),
        use("ci", "runtime", "java", "17", { file: ".github/workflows/ci.yml" }),
        use("test", "runtime", "java", "19", { file: "docker-compose.test.yml" }),
        use("prod", "runtime", "java", "21", { file: "pom.xml" }),
      ],
      status: "fail",
      score: 0,
      findings: [
        [
          "Java 19 in test, Java 21 in prod; dev runs Java 21 like prod; ci runs Java 17",
          "high",
          "runtime:java",
          ["test", "prod"],
        ],
        ["Java 17 in ci, Java 21 in prod; dev runs Java 21 like prod", "high", "runtime:java", ["ci", "prod"]],
      ],
    },
    {
      name: "a runtime older than go.mod's go line cannot build the module; a nested module has its own",
      uses: [
        use("dev", "runtime", "go", "1.22", { file: "Dockerfile.dev" }),
        use("dev", "runtime", "go", "1.25", { file: "go.mod", name: "minimum", via: "setting", raw: "go 1.25.1" }),
        use("ci", "runtime", "go", "1.25", { file: ".github/workflows/test.yml" }),
        use("dev", "runtime", "go", "1.21", { file: "tools/lint/Dockerfile" }),
        use("dev", "runtime", "go", "1.20", { file: "plugin/go.mod", name: "minimum", via: "setting" }),
        use("dev", "runtime", "go", "1.21", { file: "plugin/Dockerfile" }),
      ],
      status: "fail",
      score: 5,
      findings: [
        [
          "Go 1.22 in dev is older than the minimum go.mod requires (go 1.25.1); ci runs Go 1.25 that meets it",
          "medium",
          "runtime:go",
          ["dev", "ci"],
        ],
      ],
    },
    {
      name: "a use below its floor is not reported again against prod",
      uses: [
        use("dev", "runtime", "node", "18", { file: ".devcontainer/devcontainer.json" }),
        use("dev", "runtime", "node", "22", { file: "package.json", name: "minimum", via: "setting", raw: ">=22" }),
        use("prod", "runtime", "node", "22", { file: "Dockerfile" }),
      ],
      status: "fail",
      score: 5,
      findings: [
        [
          "Node.js 18 in dev is older than the minimum package.json requires (>=22); prod runs Node.js 22 that meets it",
          "medium",
          "runtime:node",
          ["dev", "prod"],
        ],
      ],
    },
    {
      name: "documentation is compared with the minimum the project states; without one, with what runs",
      uses: [
        use("dev", "runtime", "php", "8.2", { file: "docs/install.md", name: "documentation", raw: "PHP >= 8.2" }),
        use("dev", "runtime", "php", "8.3", { file: "composer.json", name: "minimum", raw: '"php": ">=8.3"' }),
        use("ci", "runtime", "php", "8.3", { file: ".github/workflows/test.yml" }),
        use("dev", "runtime", "node", "18", { file: "README.md", name: "documentation", raw: "Node.js 18+" }),
        use("prod", "runtime", "node", "22", { file: "Dockerfile" }),
      ],
      status: "fail",
      score: 0,
      findings: [
        [
          'docs/install.md tells readers to install PHP 8.2, which is older than the minimum composer.json requires ("php": ">=8.3"); ci runs PHP 8.3 that meets it',
          "medium",
          "runtime:php",
          ["dev", "ci"],
        ],
        [
          "README.md tells readers to install Node.js 18, older than every version the project runs (prod runs Node.js 22)",
          "medium",
          "runtime:node",
          ["prod"],
        ],
      ],
    },
    {
      name: "CONTRIBUTING naming an older Ruby than the version file and the image is stale (low: a minor apart)",
      uses: [
        use("dev", "runtime", "ruby", "3.2", { file: "CONTRIBUTING.md", name: "documentation", raw: "Ruby 3.2.2" }),
        use("dev", "runtime", "ruby", "3.4", { file: ".ruby-version", via: "version-file", raw: "3.4.6" }),
        use("prod", "runtime", "ruby", "3.4", { file: "Dockerfile", raw: "FROM ruby:3.4.6-slim" }),
      ],
      status: "fail",
      score: 7.5,
      findings: [
        [
          "CONTRIBUTING.md tells readers to install Ruby 3.2, older than every version the project runs (dev and prod run Ruby 3.4)",
          "low",
          "runtime:ruby",
          ["dev", "prod"],
        ],
      ],
    },
    {
      name: "documentation naming a version something still runs, or with no prod version to compare, is not stale",
      uses: [
        use("dev", "runtime", "node", "20", { file: "README.md", name: "documentation", raw: "Node.js 20+" }),
        use("ci", "runtime", "node", "20"),
        use("ci", "runtime", "node", "22"),
        use("prod", "runtime", "node", "22", { file: "Dockerfile" }),
        use("dev", "runtime", "python", "3.9", { file: "README.md", name: "documentation", raw: "Python 3.9" }),
        use("ci", "runtime", "python", "3.12"),
      ],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "a dev container feature with no version floats while prod pins (low)",
      uses: [
        use("dev", "runtime", "node", null, {
          file: ".devcontainer/devcontainer.json",
          via: "feature",
          pinned: false,
          raw: '"ghcr.io/devcontainers/features/node:1"',
        }),
        use("prod", "runtime", "node", "22", { file: "Dockerfile" }),
      ],
      status: "fail",
      score: 7.5,
      findings: [
        [
          'Node.js in dev names no version ("ghcr.io/devcontainers/features/node:1"): it gets whatever release is newest when set up, while prod pins Node.js 22',
          "low",
          "runtime:node",
          ["dev", "prod"],
        ],
      ],
    },
    {
      name: "a floating version file beside a pinned one in the same environment is not floating",
      uses: [
        use("dev", "runtime", "node", null, { file: ".nvmrc", via: "version-file", pinned: false, raw: "lts/*" }),
        use("dev", "runtime", "node", "22", { file: ".devcontainer/devcontainer.json" }),
        use("prod", "runtime", "node", "22", { file: "Dockerfile" }),
      ],
      status: "pass",
      score: 10,
      findings: [],
    },
    {
      name: "prod's image naming only the major of a runtime versioned by minor, while CI pins one",
      uses: [
        use("prod", "runtime", "bun", null, {
          file: "Dockerfile",
          pinned: false,
          raw: "FROM oven/bun:1 AS frontend",
          name: "build stage frontend, copied into the runtime stage",
        }),
        use("ci", "runtime", "bun", "1.3", { file: ".github/workflows/ci.yml", via: "action" }),
        use("prod", "runtime", "python", null, { file: "api/Dockerfile", pinned: false, raw: "FROM python:3-slim" }),
        use("dev", "runtime", "python", "2.7", { file: ".python-version", via: "version-file" }),
      ],
      status: "fail",
      score: 2.5,
      findings: [
        [
          "Bun 1 (any 1.x) in prod: each image build takes the newest release of that major, while ci pins Bun 1.3",
          "low",
          "runtime:bun",
          ["ci", "prod"],
        ],
        [
          "Python 3 (any 3.x) in prod: each image build takes the newest release of that major, while dev pins Python 2.7",
          "medium",
          "runtime:python",
          ["dev", "prod"],
        ],
      ],
    },
    {
      name: "a versionless prod image (node:lts) is unpinned-image's, not a partial version",
      uses: [
        use("prod", "runtime", "node", null, { file: "Dockerfile", pinned: false, raw: "FROM node:lts" }),
        use("ci", "runtime", "node", "22"),
      ],
      status: "unknown",
      score: null,
      findings: [],
    },
    {
      name: "a devcontainer on one version, CI on a third: the dev finding names CI's",
      uses: [
        use("dev", "runtime", "node", "18", { file: ".devcontainer/devcontainer.json" }),
        use("ci", "runtime", "node", "22", { file: ".github/workflows/tests.yml" }),
        prodNode,
      ],
      status: "fail",
      score: 0,
      findings: [
        ["Node.js 18 in dev, Node.js 20 in prod; ci runs Node.js 22", "high", "runtime:node", ["dev", "prod"]],
        ["Node.js 22 in ci, Node.js 20 in prod", "high", "runtime:node", ["ci", "prod"]],
      ],
    },
    {
      name: "a runtime stage running what a build stage of another major installed",
      uses: [
        use("prod", "runtime", "node", "26", {
          file: "Dockerfile",
          name: "build stage deps, copied into the runtime stage",
        }),
        use("prod", "runtime", "node", "22", { file: "Dockerfile", name: "runtime stage" }),
        use("prod", "runtime", "node", "24", { file: "web/Dockerfile", name: "build stage assets" }),
        use("prod", "runtime", "node", "22", { file: "web/Dockerfile", name: "runtime stage" }),
        use("prod", "runtime", "java", "21", {
          file: "api/Dockerfile",
          name: "build stage jdk, copied into the runtime stage",
        }),
        use("prod", "runtime", "java", "25", { file: "api/Dockerfile", name: "runtime stage" }),
      ],
      status: "fail",
      score: 5,
      findings: [
        [
          "Dockerfile installs with Node.js 26 in its build stage and runs on Node.js 22",
          "medium",
          "runtime:node",
          ["prod"],
        ],
      ],
    },
    {
      name: "prod's runtime version unknown (FROM node without a tag)",
      uses: [use("dev", "runtime", "node", "20"), use("prod", "runtime", "node", null)],
      status: "unknown",
      score: null,
      findings: [],
    },
    {
      name: "no prod runtime",
      uses: [use("dev", "runtime", "node", "20")],
      status: "not-applicable",
      score: null,
      findings: [],
    },
  ])("$name", ({ uses, status, score, findings }) => {
    const outcome = runtimeVersion.run(input(inventory({ uses })));
    expect(outcome.status).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((f) => [f.message, f.severity, f.service, f.environments])).toEqual(findings);
  });

  describe("CI's version is what its test jobs run", () => {
    const workflow = ".github/workflows/ci.yml";
    const uses = [
      use("ci", "runtime", "node", "20", { file: workflow, name: "package-desktop", via: "action" }),
      use("ci", "runtime", "node", "22", { file: workflow, name: "test", via: "action" }),
      prodNode,
    ];
    const job = (name: string, tests: string | null): CiJob => ({ workflow, job: name, line: 1, tests, starts: [] });

    it("a packaging job on prod's version does not excuse the test job's other version", () => {
      const outcome = runtimeVersion.run(
        input({ ...inventory({ uses }), ciJobs: [job("package-desktop", null), job("test", "pnpm test")] }),
      );
      expect(outcome.findings.map((f) => [f.message, f.evidence.map((e) => e.line)])).toEqual([
        ["Node.js 22 in ci, Node.js 20 in prod", [uses[1]?.line, prodNode.line]],
      ]);
    });

    it("without a test job that sets the runtime up, every CI job counts (the matrix includes prod's)", () => {
      const outcome = runtimeVersion.run(input({ ...inventory({ uses }), ciJobs: [job("lint", "eslint")] }));
      expect(outcome.status).toBe("pass");
      expect(runtimeVersion.run(input(inventory({ uses }))).status).toBe("pass");
    });
  });
});
