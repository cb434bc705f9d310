import { generateKeyPairSync, randomBytes } from "node:crypto";

/**
 * GitHub's App manifest flow, double side: `issue(manifest)` stands for the person pressing
 * "Create GitHub App" on github.com (GitHub then redirects to the manifest's `redirect_url` with
 * `?code=`), and `POST /app-manifests/{code}/conversions` answers as GitHub does: 201 with the new
 * App's id, slug, secrets and PEM key; a code works once and for an hour, else 404.
 */

interface Pending {
  manifest: Record<string, unknown>;
  expires: number;
}

const HOUR_MS = 3_600_000;

export class DoubleAppManifests {
  private readonly codes = new Map<string, Pending>();
  private nextId = 900_001;

  /** A one-time code for `manifest`, as GitHub appends to the redirect URL. */
  issue(manifest: Record<string, unknown>, now = Date.now()): string {
    const code = randomBytes(10).toString("hex");
    this.codes.set(code, { manifest, expires: now + HOUR_MS });
    return code;
  }

  /**
   * github.com's "Register new GitHub App" page, which the manifest form posts to
   * (`/settings/apps/new`, or `/organizations/{org}/settings/apps/new`). The person would review
   * and press "Create GitHub App"; the double creates it at once and redirects, as GitHub does
   * then, to the manifest's `redirect_url` with `?code=` (and the form's `state`, if any).
   * Null when the request is not for it.
   */
  page(
    method: string,
    url: URL,
    raw: string,
    contentType: string,
  ): { status: number; headers: Record<string, string>; text: string } | null {
    if (!/^\/(?:organizations\/[^/]+\/)?settings\/apps\/new$/.test(url.pathname)) return null;
    const html = (status: number, text: string) => ({
      status,
      headers: { "content-type": "text/html; charset=utf-8" },
      text: `<!doctype html><title>GitHub</title><p>${text}</p>`,
    });
    if (method !== "POST") return html(200, "Register a new GitHub App: post a manifest.");
    const form = contentType.startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(raw) : null;
    let manifest: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = JSON.parse(form?.get("manifest") ?? "");
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) manifest = parsed as Record<string, unknown>;
    } catch {
      manifest = null;
    }
    const redirect = typeof manifest?.redirect_url === "string" ? manifest.redirect_url : null;
    if (!manifest || !redirect || !/^https?:\/\//.test(redirect)) {
      return html(422, "Invalid GitHub App configuration: the manifest must be JSON with a redirect_url.");
    }
    const target = new URL(redirect);
    target.searchParams.set("code", this.issue(manifest));
    const state = url.searchParams.get("state");
    if (state) target.searchParams.set("state", state);
    return { status: 302, headers: { location: target.toString() }, text: "" };
  }

  /** The conversion endpoint; null when the request is not for it. `owner`: the App's owner, as GitHub shows a user. */
  route(
    method: string,
    pathname: string,
    owner: () => unknown,
    now = Date.now(),
  ): { status: number; body: unknown } | null {
    const match = /^\/app-manifests\/([^/]+)\/conversions$/.exec(pathname);
    if (!match || method !== "POST") return null;
    const code = decodeURIComponent(match[1] ?? "");
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.expires < now) {
      return {
        status: 404,
        body: {
          message: "Not Found",
          documentation_url: "https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest",
        },
      };
    }
    const m = pending.manifest;
    const name = typeof m.name === "string" ? m.name : "Parity";
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    const id = this.nextId++;
    const at = new Date(now).toISOString();
    const pem = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs1", format: "pem" })
      .toString();
    return {
      status: 201,
      body: {
        id,
        slug,
        node_id: Buffer.from(`App${id}`).toString("base64"),
        owner: owner(),
        name,
        description: typeof m.description === "string" ? m.description : "",
        external_url: m.url ?? null,
        html_url: `https://github.com/apps/${slug}`,
        created_at: at,
        updated_at: at,
        permissions: m.default_permissions ?? {},
        events: m.default_events ?? [],
        client_id: `Iv1.${randomBytes(8).toString("hex")}`,
        client_secret: randomBytes(20).toString("hex"),
        webhook_secret: randomBytes(20).toString("hex"),
        pem,
      },
    };
  }
}
