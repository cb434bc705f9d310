import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { AccessModeSection } from "@/components/access-mode-section";
import { requireViewer } from "@/lib/auth/page";
import { getDatabaseHandle } from "@/lib/db/client";
import { lastDelivery } from "@/lib/db/queries/bot";
import { env, githubWebUrl } from "@/lib/env";
import { GitHubAppSection } from "./github-app-section";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await connection();
  const viewer = await requireViewer();
  const settings = env();
  const { driver, db } = await getDatabaseHandle();
  const host = (await headers()).get("host") ?? `${settings.HOST}:${settings.PORT}`;
  const deliveries = await lastDelivery(db);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <AccessModeSection
        viewer={viewer}
        host={settings.HOST}
        insecure={settings.PARITY_INSECURE_ALLOW_REMOTE === "1"}
      />
      {/* One column on a phone; long values (paths, URLs) wrap instead of widening the page. */}
      <dl className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)] sm:gap-y-3 [&>dd]:mb-2 sm:[&>dd]:mb-0 [&>dd]:[overflow-wrap:anywhere]">
        <dt className="text-neutral-600 dark:text-neutral-400">Database</dt>
        <dd>
          {driver === "pglite"
            ? `Embedded PostgreSQL (PGlite) in ${settings.PARITY_DATA_DIR}`
            : "PostgreSQL server (DATABASE_URL)"}
        </dd>
        <dt className="text-neutral-600 dark:text-neutral-400">GitHub API</dt>
        <dd className="font-mono">{settings.GITHUB_API_URL}</dd>
        <dt className="text-neutral-600 dark:text-neutral-400">GitHub web</dt>
        <dd className="font-mono">{githubWebUrl(settings)}</dd>
        <dt className="text-neutral-600 dark:text-neutral-400">GitHub token</dt>
        <dd>
          {settings.GITHUB_TOKEN ? "set (GITHUB_TOKEN)" : "not set: public repositories only, 60 requests an hour"}
        </dd>
      </dl>
      <GitHubAppSection
        publicUrl={settings.PARITY_PUBLIC_URL ?? `http://${host}`}
        githubUrl={githubWebUrl(settings)}
        configured={Boolean(settings.GITHUB_APP_ID && settings.GITHUB_WEBHOOK_SECRET)}
        slug={settings.GITHUB_APP_SLUG ?? null}
        deliveries={deliveries}
      />
    </div>
  );
}
