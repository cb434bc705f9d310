import { defineConfig } from "@playwright/test";
import { GITHUB_PORT, APP_PORT as PORT, TEAM_PORT } from "./e2e/ports";

/**
 * E2e in Debian's Chromium (Playwright's own browser download cannot reach the internet here).
 * The app runs with `npm start` on its own port and a fresh embedded database per run, or on
 * the PostgreSQL server named by DATABASE_URL (scripts/test.mjs creates a fresh database).
 */
const CHROMIUM = "/usr/bin/chromium";
const runId = Date.now().toString(36);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  projects: [
    // Pages as a new user first sees them, on an empty database.
    { name: "empty", testMatch: ["shell.spec.ts", "dashboard.spec.ts", "limits.spec.ts", "github-app.spec.ts"] },
    // Then repositories are added and audited through the GitHub double.
    { name: "flow", testMatch: ["repository-flow.spec.ts", "one-word-each.spec.ts"], dependencies: ["empty"] },
    // Team features on repositories of their own (fix first, suppress, export), after the flow.
    { name: "teams", testMatch: ["team-features.spec.ts"], dependencies: ["flow"] },
    // Numbers and charts on audited repositories of their own (issue 14, items 7 and 8), last, so
    // the repositories they connect join no other spec's lists.
    { name: "numbers", testMatch: ["numbers-and-charts.spec.ts"], dependencies: ["teams"] },
    // The overview with several repositories (search, URL state, phone layout), on top of the others'.
    { name: "overview", testMatch: ["repository-overview.spec.ts"], dependencies: ["numbers"] },
    // A fix opened as a pull request, merged in the double and audited again, on its own repository.
    { name: "fixes", testMatch: ["fix-pull-request.spec.ts"], dependencies: ["overview"] },
    // Last: team mode on its own server and database; two users with different access.
    {
      name: "auth",
      testMatch: ["auth.spec.ts"],
      dependencies: ["flow"],
      use: { baseURL: `http://127.0.0.1:${TEAM_PORT}` },
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx scripts/github-double.ts --port ${GITHUB_PORT}`,
      url: `http://127.0.0.1:${GITHUB_PORT}/rate_limit`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/start.mjs --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/settings`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PARITY_DATA_DIR: `.data/e2e-${runId}`,
        GITHUB_API_URL: `http://127.0.0.1:${GITHUB_PORT}`,
        GITHUB_TOKEN: "e2e-token",
        // Webhooks on (the App itself is not configured): e2e/limits.spec.ts posts to the route.
        GITHUB_WEBHOOK_SECRET: "e2e-webhook-secret-0123456789",
        // GitHub's web pages (the App manifest form in Settings) are the double's too.
        GITHUB_URL: `http://127.0.0.1:${GITHUB_PORT}`,
      },
    },
    {
      // Started after the local server, so it reuses that build instead of building alongside it.
      command: `node scripts/start.mjs --port ${TEAM_PORT}`,
      url: `http://127.0.0.1:${TEAM_PORT}/signin`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        // Its own embedded database, even when DATABASE_URL names a server for the local one.
        DATABASE_URL: "",
        PARITY_DATA_DIR: `.data/e2e-auth-${runId}`,
        GITHUB_API_URL: `http://127.0.0.1:${GITHUB_PORT}`,
        GITHUB_URL: `http://127.0.0.1:${GITHUB_PORT}`,
        // The double's OAuth app (github-double/seed-users.ts); test values, not secrets.
        GITHUB_OAUTH_CLIENT_ID: "Iv1.parity-double",
        GITHUB_OAUTH_CLIENT_SECRET: "double-oauth-client-secret",
        PARITY_SESSION_SECRET: "e2e-session-secret-0123456789abcdef",
        GITHUB_TOKEN: "e2e-token",
      },
    },
  ],
});
