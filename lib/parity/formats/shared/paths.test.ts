import { describe, expect, it } from "vitest";
import { basename, dirname, joinComposePath, joinPath, joinPathLoosely } from "./paths";

describe("repository paths", () => {
  it("splits a path into its directory and its name", () => {
    expect(dirname("a/b/c.yml")).toBe("a/b");
    expect(dirname("c.yml")).toBe("");
    expect(basename("a/b/c.yml")).toBe("c.yml");
  });

  it("joins and normalizes, null when the path leaves the repository", () => {
    expect(joinPath("a/b", "../c/./d")).toBe("a/c/d");
    expect(joinPath("app/", "x")).toBe("app/x");
    expect(joinPath("a", "/k8s/base")).toBe("k8s/base");
    expect(joinPath("a", "../../x")).toBeNull();
  });

  it("reads a compose file's /-rooted reference as a host path, outside the repository", () => {
    expect(joinComposePath("deploy", ".env")).toBe("deploy/.env");
    expect(joinComposePath("deploy", "../app")).toBe("app");
    expect(joinComposePath("deploy", "/srv/app")).toBeNull();
    expect(joinComposePath("", "../x")).toBeNull();
  });

  it("joins the platform files' references loosely: always a path", () => {
    expect(joinPathLoosely("infra", "../modules/db")).toBe("modules/db");
    expect(joinPathLoosely("", "../Dockerfile")).toBe("Dockerfile");
    expect(joinPathLoosely("svc", "/Dockerfile")).toBe("svc/Dockerfile");
  });
});
