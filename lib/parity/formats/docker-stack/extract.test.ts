import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { dockerStackFormat } from "./index";

const content = readFileSync(new URL("./__fixtures__/docker-stack.yml", import.meta.url), "utf8");
const ctx: ExtractContext = { paths: ["docker-stack.yml"], readFile: () => undefined };

describe("docker-stack", () => {
  const result = dockerStackFormat.extract({ path: "docker-stack.yml", content }, ctx);

  it("is a production definition, not a dev environment", () => {
    expect(result.environment).toBe("prod");
    expect(result.providesDevEnvironment).toBe(false);
  });

  it("reads the backing services' images", () => {
    expect(result.uses.filter((u) => u.via === "image").map((u) => [u.engine, u.version, u.line, u.name])).toEqual([
      ["redis", "7", 6, "cache"],
      ["postgres", "16", 11, "db"],
    ]);
  });

  it("records the committed credentials as production literals, redacted", () => {
    expect(result.literals?.map((l) => [l.key, l.line, l.environment])).toEqual([
      ["POSTGRES_PASSWORD", 14, "prod"],
      ["DATABASE_URL", 21, "prod"],
    ]);
    expect(JSON.stringify(result)).not.toContain("s3cr3t");
  });

  it("takes another environment from its name", () => {
    const dev = dockerStackFormat.extract({ path: "ops/docker-stack.dev.yml", content }, ctx);
    expect(dev.environment).toBe("dev");
  });
});
