import { describe, expect, it } from "vitest";
import { imageUse } from "./image-use";

describe("the use a deployed image gives", () => {
  it("is the catalog's service, at the line and with the text the format gives", () => {
    expect(imageUse("postgres:16", 12, "image: postgres:16", "db")).toEqual({
      kind: "database",
      engine: "postgres",
      version: "16",
      pinned: true,
      line: 12,
      raw: "image: postgres:16",
      via: "image",
      name: "db",
    });
  });

  it("is null for an image the catalog does not know (the app's own)", () => {
    expect(imageUse("ghcr.io/acme/shop:1.2", 3, "image: ghcr.io/acme/shop:1.2", "web")).toBeNull();
  });
});
