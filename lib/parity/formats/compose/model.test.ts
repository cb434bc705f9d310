import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { loadCompose } from "./model";

const V1 = "services:\n  db:\n    image: postgres:15\n";
const V2 = "services:\n  db:\n    image: postgres:16\n";

function context(): ExtractContext {
  return { paths: ["docker-compose.yml"], readFile: () => undefined, repository: "acme/shop" };
}

describe("loadCompose: one read per file and audit", () => {
  it("gives the same model to every caller of one audit (the compose format and the Dockerfile role)", () => {
    const ctx = context();
    expect(loadCompose("docker-compose.yml", V1, ctx)).toBe(loadCompose("docker-compose.yml", V1, ctx));
  });

  it.each<[string, () => [ExtractContext, string], string]>([
    ["other content", () => [context(), V2], "postgres:16"],
    ["another audit", () => [context(), V1], "postgres:15"],
  ])("reads the file again for %s", (_name, next, image) => {
    const ctx = context();
    const first = loadCompose("docker-compose.yml", V1, ctx);
    const [otherCtx, content] = next();
    const again = loadCompose("docker-compose.yml", content, content === V1 ? otherCtx : ctx);
    expect(again).not.toBe(first);
    expect(again.services[0]?.image?.ref).toBe(image);
  });
});

describe("loadCompose: `<<` merge keys, read on the AST", () => {
  const MERGES = `x-env: &env
  LOG_LEVEL: debug
  DATABASE_URL: postgres://db/one
x-more: &more
  REDIS_URL: redis://cache:6379
  LOG_LEVEL: info
x-base: &base
  image: postgres:16
  restart: always
services:
  app:
    <<: *base
    environment:
      <<: [*env, *more]
      DATABASE_URL: postgres://db/two
  "quoted":
    image: redis:7
`;

  it("merges mappings and sequences of mappings, own keys and earlier sources first, at their lines", () => {
    const model = loadCompose("docker-compose.yml", MERGES, context());
    const app = model.services.find((service) => service.name === "app");
    expect(app?.image).toMatchObject({ ref: "postgres:16", line: 8 });
    expect(app?.restart).toBe(true);
    expect(app?.environment.map(({ key, value, line }) => [key, value, line]).sort()).toEqual([
      ["DATABASE_URL", "postgres://db/two", 15],
      ["LOG_LEVEL", "debug", 2],
      ["REDIS_URL", "redis://cache:6379", 5],
    ]);
    expect(model.services.map((service) => service.name)).toEqual(["app", "quoted"]);
  });
});
