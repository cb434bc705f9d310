/**
 * Security headers for every response (next.config.ts applies them). The CSP allows inline
 * scripts because Next's bootstrap and the theme script are inline and most pages are rendered
 * per request without a nonce; everything else is locked to this origin, and no page may be framed.
 */

export interface HeaderOptions {
  /** `next dev` needs eval for React's debugging and a websocket for hot reload. */
  dev: boolean;
  /**
   * Origins forms may post to besides this site: exactly GitHub's web origin (github.com, a GHES
   * host, or the GitHub double), where Settings posts the App manifest (docs/github-app.md).
   */
  formActions?: readonly string[];
}

export function contentSecurityPolicy(options: HeaderOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(options.dev ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...(options.formActions ?? [])],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** The CSP header's name as the proxy sets it: the proxy's value replaces next.config.ts's. */
export const CSP_HEADER = "content-security-policy";

export function securityHeaders(options: HeaderOptions): { key: string; value: string }[] {
  return [
    { key: CSP_HEADER, value: contentSecurityPolicy(options) },
    // Private repository names live in our URLs: links to GitHub must not carry them along.
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ];
}

/** HSTS only over https: sent over plain http it would be ignored, or lock a local setup out. */
export const HSTS = "max-age=31536000; includeSubDomains";
