import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";
import type { HeaderSession } from "@/components/session-status";
import { SiteHeader } from "@/components/site-header";
import { ThemeScript } from "@/components/theme-script";
import { authSettings } from "@/lib/auth/config";
import { currentViewer } from "@/lib/auth/page";
import { env } from "@/lib/env";
import { siteMetadata } from "@/lib/site-metadata";
import "./globals.css";

export function generateMetadata(): Metadata {
  return siteMetadata(env().PARITY_PUBLIC_URL);
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await headerSession();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2">
          Skip to content
        </a>
        <QueryProvider>
          <SiteHeader session={session} />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
        </QueryProvider>
      </body>
    </html>
  );
}

/**
 * Who the header names, read per request (the mode is the running server's, not the build's).
 * Local mode needs no database read; team mode reads the session cookie's row.
 */
async function headerSession(): Promise<HeaderSession> {
  await connection();
  if (authSettings().mode === "local") return { mode: "local" };
  const viewer = await currentViewer();
  return viewer?.mode === "team" ? { mode: "team", login: viewer.session.login } : null;
}
