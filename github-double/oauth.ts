import { createHash, randomBytes } from "node:crypto";
import { repoJson, simpleUser } from "./shapes";
import type { World } from "./world";

/**
 * Sign-in on the double: GitHub's OAuth web flow (`/login/oauth/authorize`, served on the double's
 * root as github.com serves it, and `/login/oauth/access_token`, with state and PKCE S256), plus
 * `GET /user` and `GET /user/repos` for the tokens it issues. A user token sees public
 * repositories and the private ones `world.addUser` / `grantAccess` gave it; other tokens behave
 * as before (installation and personal tokens see everything).
 */

export interface OAuthAnswer {
  status: number;
  body?: unknown;
  html?: string;
  headers?: Record<string, string>;
  list?: unknown[];
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  login: string;
  challenge: string | null;
  expiresAt: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class DoubleOAuth {
  private readonly codes = new Map<string, PendingCode>();
  private readonly userTokens = new Map<string, string>();

  constructor(private readonly world: World) {}

  /** The login behind a token this double issued, or null. */
  userOf(token: string | null): string | null {
    return token ? (this.userTokens.get(token) ?? null) : null;
  }

  route(
    method: string,
    url: URL,
    raw: string,
    contentType: string,
    token: string | null,
    api: string,
  ): OAuthAnswer | null {
    const path = url.pathname;
    if (method === "GET" && path === "/login/oauth/authorize") return this.authorize(url);
    if (method === "POST" && path === "/login/oauth/access_token") return this.accessToken(raw, contentType);
    const login = this.userOf(token);
    if (method === "GET" && path === "/user") {
      if (!login)
        return {
          status: 401,
          body: {
            message: "Requires authentication",
            documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
          },
        };
      const account = this.world.account(login);
      return { status: 200, body: { ...simpleUser(api, account), name: login, email: null } };
    }
    if (method === "GET" && path === "/user/repos") {
      if (!login) return { status: 401, body: { message: "Requires authentication" } };
      const list = [...this.world.repos.values()]
        .filter((repo) => this.world.userCanSee(login, repo))
        .map((repo) => repoJson(api, repo));
      return { status: 200, list };
    }
    return null;
  }

  private authorize(url: URL): OAuthAnswer {
    const clientId = url.searchParams.get("client_id") ?? "";
    const redirectUri = url.searchParams.get("redirect_uri") ?? "";
    if (!this.world.oauthApps.has(clientId) || !/^https?:\/\//.test(redirectUri)) {
      return { status: 404, html: "<!doctype html><title>Not found</title><p>Unknown OAuth application.</p>" };
    }
    const login = url.searchParams.get("login");
    if (login && this.world.userAccess.has(login.toLowerCase())) {
      const code = randomBytes(10).toString("hex");
      const method = url.searchParams.get("code_challenge_method");
      this.codes.set(code, {
        clientId,
        redirectUri,
        login: this.world.account(login).login,
        challenge: method === "S256" ? url.searchParams.get("code_challenge") : null,
        expiresAt: Date.now() + 10 * 60_000,
      });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      const state = url.searchParams.get("state");
      if (state !== null) back.searchParams.set("state", state);
      return { status: 302, headers: { location: back.toString() } };
    }
    // GitHub's login page, reduced to "who are you?": one link per user of the world.
    const links = [...this.world.userAccess.keys()]
      .map((name) => {
        const next = new URL(url);
        next.searchParams.set("login", this.world.account(name).login);
        return `<li><a href="${escapeHtml(next.pathname + next.search)}">Sign in as ${escapeHtml(this.world.account(name).login)}</a></li>`;
      })
      .join("");
    return {
      status: 200,
      html: `<!doctype html><title>Sign in to GitHub</title><h1>Sign in to GitHub</h1><ul>${links}</ul>`,
    };
  }

  private accessToken(raw: string, contentType: string): OAuthAnswer {
    const fields = contentType.includes("application/json")
      ? (JSON.parse(raw || "{}") as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(raw));
    const fail = (error: string, description: string): OAuthAnswer => ({
      status: 200,
      body: {
        error,
        error_description: description,
        error_uri:
          "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors",
      },
    });
    const clientId = fields.client_id ?? "";
    if (!clientId || this.world.oauthApps.get(clientId) !== fields.client_secret) {
      return fail("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
    }
    const pending = this.codes.get(fields.code ?? "");
    if (!pending || pending.expiresAt < Date.now() || pending.clientId !== clientId) {
      return fail("bad_verification_code", "The code passed is incorrect or expired.");
    }
    this.codes.delete(fields.code ?? "");
    if (fields.redirect_uri && fields.redirect_uri !== pending.redirectUri) {
      return fail(
        "redirect_uri_mismatch",
        "The redirect_uri MUST match the registered callback URL for this application.",
      );
    }
    if (pending.challenge) {
      const verifier = fields.code_verifier ?? "";
      if (createHash("sha256").update(verifier).digest("base64url") !== pending.challenge) {
        return fail("bad_verification_code", "The code_verifier does not match the code_challenge.");
      }
    }
    const token = `gho_${randomBytes(18).toString("base64url")}`;
    this.userTokens.set(token, pending.login);
    return { status: 200, body: { access_token: token, token_type: "bearer", scope: "" } };
  }
}
