import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { droneFormat } from "./index";

const ctx: ExtractContext = { paths: [".drone.yml"], readFile: () => undefined };
const content = readFileSync(join(__dirname, "__fixtures__", "drone.yml"), "utf8");

describe("drone", () => {
  it("reads one job per pipeline document, with the tests its steps run", () => {
    const result = droneFormat.extract({ path: ".drone.yml", content }, ctx);
    expect(result.ciJobs).toEqual([
      { workflow: ".drone.yml", job: "test", line: 3, tests: "pytest", starts: [] },
      { workflow: ".drone.yml", job: "unit", line: 33, tests: "go test", starts: [] },
    ]);
    expect(result.environment).toBe("ci");
  });

  it("reads services and detached steps as the pipeline's, step images as runtimes, env URLs as URLs", () => {
    const { uses } = droneFormat.extract({ path: ".drone.yml", content }, ctx);
    expect(uses.map((u) => [u.kind, u.engine, u.version, u.line, u.via, u.name])).toEqual([
      ["database", "postgres", "16", 10, "image", "test"],
      ["database", "postgres", null, 6, "url", "test"],
      ["runtime", "python", "3.12", 16, "image", "test/lint"],
      ["runtime", "python", "3.12", 21, "image", "test/test"],
      ["cache", "redis", null, 23, "url", "test"],
      ["cache", "redis", "7", 28, "image", "test"],
      ["runtime", "go", "1.22", 37, "image", "unit/go"],
    ]);
  });

  it("a pipeline with no services and a template's tags: nothing started, nothing misread", () => {
    const bare = "kind: pipeline\nname: default\nsteps:\n- name: test\n  image: node:20\n  commands:\n  - npm test\n";
    const result = droneFormat.extract({ path: "{{cookiecutter.project_slug}}/.drone.yml", content: bare }, ctx);
    expect(result.ciJobs?.[0]?.tests).toBe("npm test");
    expect(result.uses.filter((u) => u.kind !== "runtime")).toEqual([]);
    const tagged = droneFormat.extract(
      { path: ".drone.yml", content: "steps:\n{%- if x %}\n- name: a\n{%- endif %}\n" },
      ctx,
    );
    expect(tagged).toMatchObject({ uses: [], problems: [] });
    expect(droneFormat.extract({ path: "deploy/x/.drone.yml", content: bare }, ctx).unclaimed).toBe(true);
  });
});
