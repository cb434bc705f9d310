import { describe, expect, it } from "vitest";
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
});
