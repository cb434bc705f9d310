import { describe, expect, it } from "vitest";
import { buildReason, githubLine } from "../../scripts/start-words";

describe("npm start's first lines", () => {
  it("says a first build is a first build, not a change", () => {
    expect(buildReason({ rebuild: false, built: false, stamped: false, changed: true })).toBe(
      "building the app (first start: there is no build yet)…",
    );
    expect(buildReason({ rebuild: false, built: true, stamped: true, changed: true })).toContain("sources changed");
    expect(buildReason({ rebuild: true, built: true, stamped: true, changed: false })).toContain("--rebuild");
    expect(buildReason({ rebuild: false, built: true, stamped: true, changed: false })).toBeNull();
  });

  it("names the GitHub it talks to and how, never the token", () => {
    expect(githubLine({ GITHUB_API_URL: "https://api.github.com" })).toBe(
      "GitHub: https://api.github.com (github.com), without credentials: public repositories only, 60 requests an hour",
    );
    const enterprise = githubLine({ GITHUB_API_URL: "https://ghe.acme.test/api/v3/", GITHUB_TOKEN: "ghp_secret" });
    expect(enterprise).toBe("GitHub: https://ghe.acme.test/api/v3 (not github.com: GITHUB_API_URL), with GITHUB_TOKEN");
    expect(enterprise).not.toContain("ghp_secret");
  });
});
