import type { Metadata } from "next";
import { connection } from "next/server";
import { getDatabaseHandle } from "@/lib/db/client";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await connection();
  const settings = env();
  const { driver } = await getDatabaseHandle();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-3 text-sm">
        <dt className="text-neutral-500">Database</dt>
        <dd>
          {driver === "pglite"
            ? `Embedded PostgreSQL (PGlite) in ${settings.PARITY_DATA_DIR}`
            : "PostgreSQL server (DATABASE_URL)"}
        </dd>
        <dt className="text-neutral-500">GitHub API</dt>
        <dd className="font-mono">{settings.GITHUB_API_URL}</dd>
        <dt className="text-neutral-500">GitHub token</dt>
        <dd>
          {settings.GITHUB_TOKEN ? "set (GITHUB_TOKEN)" : "not set: public repositories only, 60 requests an hour"}
        </dd>
      </dl>
    </div>
  );
}
