import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { LOCAL_ADDRESS_HEADER, PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { proxy } from "@/proxy";

/** Settings' "Create the GitHub App" posts a form to GitHub: the pages' CSP must let exactly that through. */

describe("the pages' Content-Security-Policy", () => {
  it("lets forms post to this site and to GitHub's web origin (GITHUB_URL, default github.com) only", () => {
    const response = proxy(
      new NextRequest("http://127.0.0.1:3000/settings", {
        headers: { host: "127.0.0.1:3000", [PEER_ADDRESS_HEADER]: "127.0.0.1", [LOCAL_ADDRESS_HEADER]: "127.0.0.1" },
      }),
    );
    const policy = response.headers.get("content-security-policy") ?? "";
    const formAction = policy.split(";").find((directive) => directive.trim().startsWith("form-action"));
    expect(formAction?.trim()).toBe("form-action 'self' https://github.com");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe("Disconnect is a mutation like any other", () => {
  it("refuses DELETE /api/repos/{owner}/{repo} from another site (CSRF)", () => {
    const request = (origin: string) =>
      new NextRequest("http://127.0.0.1:3000/api/repos/acme/shop?history=delete", {
        method: "DELETE",
        headers: {
          host: "127.0.0.1:3000",
          origin,
          [PEER_ADDRESS_HEADER]: "127.0.0.1",
          [LOCAL_ADDRESS_HEADER]: "127.0.0.1",
        },
      });
    expect(proxy(request("https://evil.example")).status).toBe(403);
    expect(proxy(request("http://127.0.0.1:3000")).status).toBe(200);
  });
});

describe("Opening a fix's pull request is a mutation like any other", () => {
  it("refuses POST /api/repos/{owner}/{repo}/fixes from another site (CSRF)", () => {
    const request = (origin: string) =>
      new NextRequest("http://127.0.0.1:3000/api/repos/acme/shop/fixes", {
        method: "POST",
        headers: {
          host: "127.0.0.1:3000",
          origin,
          "content-type": "application/json",
          [PEER_ADDRESS_HEADER]: "127.0.0.1",
          [LOCAL_ADDRESS_HEADER]: "127.0.0.1",
        },
        body: JSON.stringify({ all: true }),
      });
    expect(proxy(request("https://evil.example")).status).toBe(403);
    expect(proxy(request("http://127.0.0.1:3000")).status).toBe(200);
  });
});
