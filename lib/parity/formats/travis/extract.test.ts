import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { travisFormat } from "./index";

const fixture = (name: string) => readFileSync(join(__dirname, "__fixtures__", name), "utf8");

const ctx: ExtractContext = {
  paths: ["Makefile", "docker-compose.ci.yml", ".travis.yml"],
  readFile: (path) => (path === "Makefile" ? fixture("Makefile") : undefined),
};

function run(name: string, path = ".travis.yml") {
  return travisFormat.extract({ path, content: fixture(name) }, ctx);
}

describe("travis", () => {
  it("reads each included job: what it runs, tests and starts", () => {
    const result = run("travis.yml");
    expect(result.ciJobs?.map((job) => [job.job, job.line, job.tests, job.starts])).toEqual([
      ["lint", 18, null, []],
      ["tests", 21, "make test", []],
      ["e2e", 26, "npm e2e", ["docker-compose.ci.yml"]],
    ]);
    expect(result.references).toEqual([{ path: "docker-compose.ci.yml", environment: "ci", line: 30 }]);
  });

  it("reads services, the addon that pins PostgreSQL, and the language's versions", () => {
    const uses = run("travis.yml").uses;
    // Each job starts the services it inherits (e2e sets its own): its facts, read per job by ci-services.
    expect(uses.filter((u) => u.engine === "postgres").map((u) => u.name)).toEqual(["lint", "tests"]);
    const facts = uses
      .filter((u) => u.name === "lint")
      .map((u) => [u.environment, u.kind, u.engine, u.version, u.line, u.raw]);
    expect(facts).toEqual([
      ["ci", "database", "postgres", "15", 11, "services: postgresql, addons.postgresql: 15"],
      ["ci", "cache", "redis", null, 8, "services: redis-server (the build image's own version, dist jammy)"],
      ["ci", "runtime", "python", "3.12", 4, "python: 3.12"],
    ]);
  });

  it("a service with no version addon is the build image's own, unpinned; a build-only script tests nothing", () => {
    const result = run("travis-default.yml");
    expect(result.uses.map((u) => [u.engine, u.version, u.pinned, u.raw])).toEqual([
      ["mysql", null, false, "services: mysql (the build image's own version)"],
      ["go", "1.21", true, "go: 1.21.x"],
    ]);
    expect(result.ciJobs).toEqual([{ workflow: ".travis.yml", job: "default", line: 6, tests: null, starts: [] }]);
  });

  it("PostgreSQL started on an explicit dist runs that dist's default version (travis-build)", () => {
    const content = "dist: focal\nlanguage: python\nservices:\n  - postgresql\nscript: pytest\n";
    const uses = travisFormat.extract({ path: ".travis.yml", content }, ctx).uses;
    expect(
      uses.filter((u) => u.kind === "database").map((u) => [u.engine, u.version, u.pinned, u.line, u.raw]),
    ).toEqual([["postgres", "13", true, 4, "services: postgresql (PostgreSQL 13, dist focal's default)"]]);
    const noDist = travisFormat.extract({ path: ".travis.yml", content: content.replace("dist: focal\n", "") }, ctx);
    expect(noDist.uses.find((u) => u.kind === "database")?.version).toBeNull();
  });

  it("a template's file is read at the template's root; tags leave it unread, without a parse error", () => {
    const root = "{{cookiecutter.project_slug}}/.travis.yml";
    expect(run("travis-default.yml", root).ciJobs?.length).toBe(1);
    const tagged = travisFormat.extract({ path: root, content: "services:\n  - {% if x %}docker{% endif %}\n" }, ctx);
    expect(tagged).toMatchObject({ uses: [], problems: [] });
    expect(tagged.reason).toContain("project template");
    expect(run("travis-default.yml", "vendor/lib/.travis.yml").unclaimed).toBe(true);
  });
});
