import manifest from "@/app-manifest.json" with { type: "json" };
import type { lastDelivery } from "@/lib/db/queries/bot";

interface Props {
  publicUrl: string;
  /** GitHub's web address (GITHUB_URL: github.com, a GHES host, or the GitHub double). */
  githubUrl?: string;
  configured: boolean;
  slug: string | null;
  deliveries: Awaited<ReturnType<typeof lastDelivery>>;
}

/** The App's manifest with this deployment's URLs: GitHub creates the App from it in one click. */
export function manifestFor(publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, "");
  return JSON.stringify({
    ...manifest,
    url: base,
    hook_attributes: { url: `${base}/api/github/webhooks`, active: true },
    redirect_url: `${base}/api/github/manifest/callback`,
  });
}

export function GitHubAppSection({ publicUrl, githubUrl = "https://github.com", configured, slug, deliveries }: Props) {
  const last = deliveries.last;
  const github = githubUrl.replace(/\/+$/, "");
  return (
    <section aria-labelledby="github-app" className="max-w-2xl space-y-3">
      <h2 id="github-app" className="text-lg font-semibold">
        GitHub App (PR bot)
      </h2>
      <p className="text-sm">
        {configured
          ? `Configured${slug ? ` as ${slug}` : ""}: pull requests get a Parity comment and check run.`
          : "Not configured: create the App, then set the variables GitHub gives you (docs/github-app.md)."}
      </p>
      <form action={`${github}/settings/apps/new`} method="post" className="flex flex-wrap gap-2">
        <input type="hidden" name="manifest" value={manifestFor(publicUrl)} />
        <button type="submit" className="rounded border px-3 py-1.5 text-sm font-medium">
          Create the GitHub App
        </button>
      </form>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        For an organisation, post the same manifest to{" "}
        <code className="[overflow-wrap:anywhere]">{github}/organizations/&lt;org&gt;/settings/apps/new</code>.
      </p>
      <p className="text-sm" data-testid="webhook-status">
        {last
          ? `Last webhook: ${last.event}${last.action ? ` ${last.action}` : ""} at ${last.receivedAt.toISOString()} (${deliveries.total} received).`
          : "No webhook received yet."}
      </p>
    </section>
  );
}
