import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

/**
 * The manifest flow's redirect: GitHub sends a one-time `code`, which converts to the new App's
 * id, key and webhook secret. Parity reads settings only from its environment, so the page shows
 * them once, to the person who just created the App, to put into it.
 */
export async function GET(request: Request): Promise<Response> {
  const code = new URL(request.url).searchParams.get("code");
  if (!code || !/^[\w-]+$/.test(code)) return new Response("Missing code.", { status: 400 });
  const response = await fetch(`${env().GITHUB_API_URL.replace(/\/+$/, "")}/app-manifests/${code}/conversions`, {
    method: "POST",
    headers: { accept: "application/vnd.github+json" },
  });
  if (!response.ok)
    return new Response("GitHub did not accept the code (it is single-use and expires in an hour).", { status: 502 });
  const app = (await response.json()) as { id: number; slug: string; pem: string; webhook_secret: string | null };
  const lines = [
    `GITHUB_APP_ID=${app.id}`,
    `GITHUB_APP_SLUG=${app.slug}`,
    `GITHUB_WEBHOOK_SECRET=${app.webhook_secret ?? ""}`,
    `GITHUB_APP_PRIVATE_KEY="${app.pem.trim().replace(/\n/g, "\\n")}"`,
  ].join("\n");
  const html = `<!doctype html><meta charset="utf-8"><title>Parity App created</title>
<h1>The ${escapeHtml(app.slug)} App is created</h1>
<p>Add these to Parity's environment and restart; this page is the only time they are shown.</p>
<pre>${escapeHtml(lines)}</pre>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
