import { describe, expect, it } from "vitest";
import { devEnvironment } from "./dev-environment";
import { input, inventory, use } from "./test-helpers";

const prodPg = use("prod", "database", "postgres", "16");
const prodRedis = use("prod", "cache", "redis", "7");

describe("dev-environment", () => {
  it.each([
    {
      name: "prod has backing services, no compose or devcontainer",
      uses: [prodPg, prodRedis],
      devEnvironmentFiles: [],
      status: "fail",
      score: 0,
      messages: ["No one-command dev environment, while prod runs PostgreSQL 16 and Redis 7"],
    },
    {
      name: "a compose file runs the services",
      uses: [prodPg],
      devEnvironmentFiles: ["compose.yaml"],
      status: "pass",
      score: 10,
      messages: [],
    },
    {
      name: "a devcontainer is enough",
      uses: [prodPg],
      devEnvironmentFiles: [".devcontainer/devcontainer.json"],
      status: "pass",
      score: 10,
      messages: [],
    },
    {
      name: "prod's database is embedded (SQLite) and its storage local disk: nothing to run beside the app",
      uses: [use("prod", "database", "sqlite"), use("prod", "storage", "local-disk")],
      devEnvironmentFiles: [],
      status: "not-applicable",
      score: null,
      messages: [],
    },
    {
      name: "CI's Terraform state bucket is not a service of the app",
      uses: [use("prod", "storage", "gcs", null, { file: ".github/terraform/main.tf", format: "terraform" })],
      devEnvironmentFiles: [],
      status: "not-applicable",
      score: null,
      messages: [],
    },
    {
      name: "prod has only a runtime: nothing to run locally",
      uses: [use("prod", "runtime", "node", "20")],
      devEnvironmentFiles: [],
      status: "not-applicable",
      score: null,
      messages: [],
    },
  ])("$name", ({ uses, devEnvironmentFiles, status, score, messages }) => {
    const outcome = devEnvironment.run(input(inventory({ uses, devEnvironmentFiles })));
    expect(outcome.status).toBe(status);
    expect(outcome.score).toBe(score);
    expect(outcome.findings.map((f) => f.message)).toEqual(messages);
  });

  it.each([
    ["Makefile"],
    ["bin/setup"],
    ["skaffold.yaml"],
    ["Tiltfile"],
    ["{{cookiecutter.project_slug}}/justfile"],
    [".gitpod.yml"],
  ])("an unread entry point (%s) may start one: unknown, no finding", (path) => {
    const outcome = devEnvironment.run(input(inventory({ uses: [prodPg], paths: ["README.md", path] })));
    expect(outcome.status).toBe("unknown");
    expect(outcome.findings).toEqual([]);
    expect(outcome.summary).toBe(`${path} may start a dev environment; not read, so not known`);
  });

  it("a docs/Makefile builds documentation: the finding stands", () => {
    const outcome = devEnvironment.run(input(inventory({ uses: [prodPg], paths: ["docs/Makefile"] })));
    expect(outcome.status).toBe("fail");
  });

  it("names the dev environment files when it passes", () => {
    const outcome = devEnvironment.run(input(inventory({ uses: [prodPg], devEnvironmentFiles: ["compose.yaml"] })));
    expect(outcome.summary).toBe("one-command dev environment: compose.yaml");
  });

  it("reports stable fingerprint inputs and prod's services as evidence", () => {
    const [finding] = devEnvironment.run(input(inventory({ uses: [prodPg] }))).findings;
    expect(finding?.environments).toEqual(["dev", "prod"]);
    expect(finding?.service).toBeUndefined();
    expect(finding?.evidence).toHaveLength(1);
  });
});
