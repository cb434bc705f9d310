import { defineConfig } from "@playwright/test";

/**
 * E2e in Debian's Chromium (Playwright's own browser download cannot reach the internet here).
 * The app runs with `npm start` on its own port and a fresh embedded database per run, or on
 * the PostgreSQL server named by DATABASE_URL (scripts/test.mjs creates a fresh database).
 */
const PORT = 3100;
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
  webServer: {
    command: `node scripts/start.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/settings`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PARITY_DATA_DIR: `.data/e2e-${runId}` },
  },
});
