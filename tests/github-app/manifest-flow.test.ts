import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as manifestCallback } from "@/app/api/github/manifest/callback/route";
import { GitHubAppSection, manifestFor } from "@/app/settings/github-app-section";
import manifest from "@/app-manifest.json" with { type: "json" };
import { type GitHubDouble, startGitHubDouble } from "@/github-double/server";

/** The Settings page's App section and the manifest flow's callback, against the GitHub double. */

let double: GitHubDouble;

beforeAll(async () => {
  double = await startGitHubDouble();
  // The callback converts the code at GITHUB_API_URL; env() reads it on first use in this file.
  process.env.GITHUB_API_URL = double.url;
});

afterAll(async () => {
  await double?.close();
});

function attribute(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return (match?.[1] ?? "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'");
}

const NO_DELIVERIES = { last: null, total: 0 };

describe("the Settings page's GitHub App section", () => {
  it("posts the least-privilege manifest with this deployment's URLs to GitHub", () => {
    const html = renderToStaticMarkup(
      createElement(GitHubAppSection, {
        publicUrl: "https://parity.acme.test/",
        configured: false,
        slug: null,
        deliveries: NO_DELIVERIES,
      }),
    );
    expect(html).toContain('action="https://github.com/settings/apps/new"');
    expect(html).toContain('method="post"');
    const posted = JSON.parse(attribute(html, "manifest")) as typeof manifest;
    expect(posted.hook_attributes).toEqual({ url: "https://parity.acme.test/api/github/webhooks", active: true });
    expect(posted.redirect_url).toBe("https://parity.acme.test/api/github/manifest/callback");
    expect(posted.url).toBe("https://parity.acme.test");
    expect(posted.default_permissions).toEqual(manifest.default_permissions);
    expect(
      Object.values(posted.default_permissions)
        .filter((p) => p === "write")
        .sort(),
    ).toEqual(["write", "write", "write"]);
    expect(html).toContain("Not configured");
    expect(html).toContain("No webhook received yet.");
  });

  it("says whether webhooks arrive", () => {
    const html = renderToStaticMarkup(
      createElement(GitHubAppSection, {
        publicUrl: "http://127.0.0.1:3000",
        configured: true,
        slug: "parity-acme",
        deliveries: {
          last: {
            deliveryId: "d-1",
            event: "pull_request",
            action: "synchronize",
            status: "done",
            receivedAt: new Date("2026-03-02T10:00:00Z"),
          },
          total: 12,
        },
      }),
    );
    expect(html).toContain("Configured as parity-acme");
    expect(html).toContain("Last webhook: pull_request synchronize at 2026-03-02T10:00:00.000Z (12 received).");
  });
});

/** GitHub's own schema of the conversion's 201 answer (@octokit/openapi), `nullable` as JSON Schema. */
function conversionSchema(): object {
  const spec = JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.deref.json"),
      "utf8",
    ),
  ) as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>
    >;
  };
  const schema =
    spec.paths["/app-manifests/{code}/conversions"]?.post?.responses["201"]?.content["application/json"]?.schema;
  const normalize = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(normalize);
    if (!node || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = normalize(value);
    if (out.nullable !== true) return out;
    delete out.nullable;
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return typeof out.type === "string" ? { ...out, type: [out.type, "null"] } : { anyOf: [out, { type: "null" }] };
  };
  return normalize(schema) as object;
}

describe("the double's manifest conversion", () => {
  it("answers in GitHub's shape, once per code", async () => {
    const code = double.manifests.issue(JSON.parse(manifestFor("https://parity.acme.test")) as Record<string, unknown>);
    const convert = () => fetch(`${double.url}/app-manifests/${code}/conversions`, { method: "POST" });
    const first = await convert();
    expect(first.status).toBe(201);
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(conversionSchema());
    const body = (await first.json()) as { permissions: unknown; events: unknown };
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(body.permissions).toEqual(manifest.default_permissions);
    expect(body.events).toEqual(manifest.default_events);
    expect((await convert()).status).toBe(404);
  });
});

describe("the double's App registration page (github.com/settings/apps/new)", () => {
  it("takes the Settings form's post and redirects to the manifest's redirect_url with a code that converts", async () => {
    const html = renderToStaticMarkup(
      createElement(GitHubAppSection, {
        publicUrl: "https://parity.acme.test",
        githubUrl: `${double.url}/`,
        configured: false,
        slug: null,
        deliveries: NO_DELIVERIES,
      }),
    );
    expect(html).toContain(`action="${double.url}/settings/apps/new"`);
    const response = await fetch(`${double.url}/settings/apps/new?state=s1`, {
      method: "POST",
      body: new URLSearchParams({ manifest: attribute(html, "manifest") }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("https://parity.acme.test/api/github/manifest/callback");
    expect(location.searchParams.get("state")).toBe("s1");
    const code = location.searchParams.get("code") ?? "";
    expect((await fetch(`${double.url}/app-manifests/${code}/conversions`, { method: "POST" })).status).toBe(201);
    const broken = await fetch(`${double.url}/organizations/acme/settings/apps/new`, {
      method: "POST",
      body: new URLSearchParams({ manifest: "{" }),
      redirect: "manual",
    });
    expect(broken.status).toBe(422);
  });
});

describe("the manifest callback", () => {
  it("converts the one-time code and shows the App's settings once, escaped", async () => {
    const code = double.manifests.issue(JSON.parse(manifestFor("https://parity.acme.test")) as Record<string, unknown>);
    const response = await manifestCallback(
      new Request(`https://parity.acme.test/api/github/manifest/callback?code=${code}`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toMatch(/GITHUB_APP_ID=9\d{5}/);
    expect(html).toContain("GITHUB_APP_SLUG=parity");
    expect(html).toMatch(/GITHUB_WEBHOOK_SECRET=[0-9a-f]{40}/);
    // The PEM on one line with \n escapes, as a .env file holds it.
    expect(html).toMatch(
      /GITHUB_APP_PRIVATE_KEY=&quot;-----BEGIN RSA PRIVATE KEY-----\\n[^\n]+-----END RSA PRIVATE KEY-----&quot;/,
    );
    const conversions = double.log.filter((r) => r.path === `/app-manifests/${code}/conversions`);
    expect(conversions.map((r) => [r.method, r.status])).toEqual([["POST", 201]]);
  });

  it("answers 502 when the code was used already, and 400 without a code", async () => {
    const code = double.manifests.issue({ name: "Parity" });
    expect((await manifestCallback(new Request(`https://p.test/cb?code=${code}`))).status).toBe(200);
    expect((await manifestCallback(new Request(`https://p.test/cb?code=${code}`))).status).toBe(502);
    expect((await manifestCallback(new Request("https://p.test/cb"))).status).toBe(400);
    expect((await manifestCallback(new Request("https://p.test/cb?code=../../user"))).status).toBe(400);
  });
});
