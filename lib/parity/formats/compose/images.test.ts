/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { extractCompose } from "./extract";
import { fixtureRepo } from "./test-repo";

const FILES = import.meta.glob<string>(["./__fixtures__/images/*"], { query: "?raw", import: "default", eager: true });

describe("compose: deployed images", () => {
  it("records every image a service pulls, with its tag judged as written and the app's own marked", () => {
    const repo = fixtureRepo(FILES, "images");
    const result = extractCompose(repo.file("compose.yml"), { ...repo.ctx, repository: "acme/shop" });
    expect(result.images).toEqual([
      { ref: "ghcr.io/acme/shop:latest", line: 4, tag: "floating", own: true, name: "shop" },
      // `worker` builds acme/shop-worker: nothing is pulled.
      { ref: "postgres:16-alpine", line: 13, tag: "pinned", own: false, name: "db" },
      { ref: "adminer", line: 17, tag: "floating", own: false, name: "adminer" },
      // The default applies when unset, but the deployer may set it: unknown.
      { ref: "traefik:v3.1", line: 21, tag: "unknown", own: false, name: "proxy" },
    ]);
  });
});
