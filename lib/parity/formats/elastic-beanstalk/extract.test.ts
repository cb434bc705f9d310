import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractResult, Format } from "../../types";
import { elasticBeanstalkFormat } from "./index";

/** Through the contract's signature, as the engine calls it. */
const format: Format = elasticBeanstalkFormat;
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const ctx = { paths: [], readFile: () => undefined, repository: "acme/shop" };
const run = (path: string, content: string): ExtractResult => format.extract({ path, content }, ctx);

describe("elastic-beanstalk format", () => {
  it("claims Dockerrun.aws.json anywhere", () => {
    expect(format.patterns).toEqual(["**/Dockerrun.aws.json"]);
  });

  it("reads version 1's image as prod's, the app's own, floating on :latest", () => {
    const result = run("deployment/elasticbeanstalk/Dockerrun.aws.json", fixture("Dockerrun.v1.json"));
    expect(result.environment).toBe("prod");
    expect(result.images).toEqual([{ ref: "acme/shop:latest", line: 4, tag: "floating", own: true, name: "Image" }]);
    expect(result.uses).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it("reads version 2's containers; a catalog image is also a service use", () => {
    const result = run("eb/staging/Dockerrun.aws.json", fixture("Dockerrun.v2.json"));
    expect(result.environment).toBe("staging");
    expect(result.images?.map((image) => [image.name, image.line, image.tag])).toEqual([
      ["web", 6, "pinned"],
      ["cache", 12, "pinned"],
      ["proxy", 18, "floating"],
    ]);
    expect(result.uses.map((use) => [use.kind, use.engine, use.version, use.line])).toEqual([
      ["cache", "redis", "7", 12],
    ]);
  });

  it("reports JSON it cannot read as a parse error", () => {
    const result = run("Dockerrun.aws.json", '{ "Image": ');
    expect(result.problems.map((problem) => problem.type)).toEqual(["parse-error"]);
    expect(result.images).toBeUndefined();
  });
});
