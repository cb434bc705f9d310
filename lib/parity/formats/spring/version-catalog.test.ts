import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { nearestVersionCatalog, parseVersionCatalog } from "./version-catalog";

describe("parseVersionCatalog", () => {
  it("reads [libraries] in string, module and group/name forms, by accessor", () => {
    const toml = [
      "[versions]",
      'h2 = "2.2.224"',
      "",
      "[libraries]",
      'h2 = "com.h2database:h2:2.2.224"',
      'database-hsqldb = { module = "org.hsqldb:hsqldb", version = "2.7.3" } # local only',
      'derby_tools = { group = "org.apache.derby", name = "derbytools", version.ref = "derby" }',
      "",
      "[plugins]",
      'spring-boot = { id = "org.springframework.boot", version = "3.3.4" }',
    ].join("\n");
    expect([...parseVersionCatalog(toml)]).toEqual([
      ["h2", { group: "com.h2database", artifact: "h2" }],
      ["database.hsqldb", { group: "org.hsqldb", artifact: "hsqldb" }],
      ["derby.tools", { group: "org.apache.derby", artifact: "derbytools" }],
    ]);
  });
});

describe("nearestVersionCatalog", () => {
  const files = new Map([
    ["gradle/libs.versions.toml", '[libraries]\nh2 = "com.h2database:h2:2.2.224"\n'],
    ["apps/api/gradle/libs.versions.toml", '[libraries]\nh2 = "org.hsqldb:hsqldb:2.7.3"\n'],
  ]);
  const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };

  it("walks up from the module to the first catalog", () => {
    expect(nearestVersionCatalog("apps/api/", ctx).get("h2")?.artifact).toBe("hsqldb");
    expect(nearestVersionCatalog("apps/web/", ctx).get("h2")?.artifact).toBe("h2");
    expect(nearestVersionCatalog("", ctx).get("h2")?.artifact).toBe("h2");
    expect(nearestVersionCatalog("", { paths: [], readFile: () => undefined }).size).toBe(0);
  });
});
