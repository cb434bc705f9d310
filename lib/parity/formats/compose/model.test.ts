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
