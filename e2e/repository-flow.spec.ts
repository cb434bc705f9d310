import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { GITHUB_URL as GITHUB } from "./ports";

/**
 * The product end to end against the GitHub double (seeded `acme` organisation, started by
 * playwright.config.ts): add a repository, watch its first audit, read the scorecard, change a
 * file on "GitHub", re-audit, see the finding resolved and the history grow, fetch the badge.
 */

const SCORECARD = "/repos/acme/storefront";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test.describe.configure({ mode: "serial" });

test("adding a repository validates the input and shows the first audit's progress", async ({ page }, testInfo) => {
  // The first audit may take up to the 90 s its scorecard link is awaited below (a busy machine).
  test.setTimeout(150_000);
  await page.goto("/repos/new");
  const input = page.getByLabel("Repository");
  await input.fill("not a repo");
  await input.press("Enter");
  await expect(page.locator("#repository-error")).toContainText("is not a repository");

  await input.fill("https://github.com/acme/storefront");
  await page.getByRole("button", { name: "Add repository" }).click();
  await expect(page.getByRole("heading", { name: "First audit of acme/storefront" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("add-progress.png"), fullPage: true });
  // When the audit ends the page offers the scorecard, or has already moved to it.
  const open = page.getByRole("link", { name: "Open the scorecard" });
  const scorecard = page.getByRole("heading", { level: 1, name: "acme/storefront" });
  await expect(open.or(scorecard)).toBeVisible({ timeout: 90_000 });
  if (await open.isVisible()) await open.click();
  await expect(page).toHaveURL(new RegExp(`${SCORECARD}$`));
});

test("the scorecard shows the matrix, the findings and how to fix them", async ({ page }, testInfo) => {
  await page.goto(SCORECARD);
  await expect(page.getByRole("heading", { level: 1, name: "acme/storefront" })).toBeVisible();
  const matrix = page.locator("table", { has: page.locator("caption") }).first();
  await expect(matrix).toContainText("SQLite");
  await expect(matrix).toContainText("PostgreSQL 16");
  // Every cell links to the file and line at the audited commit, on the GitHub the app talks to
  // (GITHUB_URL: here the double, never github.com).
  const sqliteLink = matrix.getByRole("link", { name: /SQLite/ }).first();
  const blob = new RegExp(
    `^${GITHUB.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/acme/storefront/blob/[0-9a-f]{40}/config/database\\.yml#L\\d+$`,
  );
  await expect(sqliteLink).toHaveAttribute("href", blob);
  await expect(page.getByText(/SQLite in (dev|test)[^,]*, PostgreSQL 16 in prod/).first()).toBeVisible();
  await expect(page.getByText("Why it bites").first()).toBeAttached();
  // Each file read says which environments it serves and why.
  await page.getByText("Show the files and how each was classified").click();
  const filesRead = page.getByRole("region", { name: "Files read" });
  const terraform = filesRead.getByRole("row", { name: /infra\/main\.tf/ });
  await expect(terraform).toContainText("terraform");
  await expect(terraform).toContainText(/prod: \S/);
  await page.screenshot({ path: testInfo.outputPath("scorecard.png"), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});

test("a change on GitHub and a re-audit resolve the finding and add a point to the history", async ({
  page,
  request,
}, testInfo) => {
  await page.goto(SCORECARD);
  const historyRows = page.getByRole("region", { name: "Audit history table" }).locator("tbody tr");
  // The table shows the latest 10 until asked for all it holds.
  const showAllHistory = async () => {
    const button = page.getByRole("button", { name: /^Show all \d+$/ });
    if ((await button.count()) > 0) {
      await button.click();
      await expect(button).toHaveCount(0);
    }
  };
  // The trend card counts the chart's points and its markers: "27 audits · ● 3 appeared · ○ 1 resolved".
  const trendSummary = page.getByRole("region", { name: "Score per gap" }).locator("h2 + div");
  async function trendCounts() {
    const match = /(\d+) audits · ● (\d+) appeared · ○ (\d+) resolved/.exec((await trendSummary.textContent()) ?? "");
    return { points: Number(match?.[1] ?? 0), resolved: Number(match?.[3] ?? 0) };
  }
  // The history backfill fills the trend on connect: the live audit and the 25 past weekly
  // points. It runs as its own job, so wait until it has written all of them.
  await expect(async () => {
    await page.reload();
    expect((await trendCounts()).points).toBeGreaterThanOrEqual(26);
  }).toPass({ timeout: 90_000 });
  await showAllHistory();
  const auditsBefore = await historyRows.count();
  const trendBefore = await trendCounts();

  // Development and test move to PostgreSQL, as the finding's fix says.
  const databaseYml = [
    "default: &default",
    "  adapter: postgresql",
    "  encoding: unicode",
    '  url: <%= ENV["DATABASE_URL"] %>',
    "",
    "development:",
    "  <<: *default",
    "",
    "test:",
    "  <<: *default",
    "",
    "production:",
    "  <<: *default",
    "",
  ].join("\n");
  const put = await request.put(`${GITHUB}/repos/acme/storefront/contents/config/database.yml`, {
    headers: { authorization: "token e2e-token" },
    data: { message: "Run PostgreSQL in development and test", content: Buffer.from(databaseYml).toString("base64") },
  });
  expect(put.ok()).toBe(true);

  await page.getByRole("button", { name: "Re-audit" }).click();
  await expect(async () => {
    await page.reload();
    expect((await trendCounts()).points).toBe(trendBefore.points + 1);
  }).toPass({ timeout: 90_000 });
  // The new point carries the resolved-finding marker, and the history table shows the audit.
  expect((await trendCounts()).resolved).toBeGreaterThan(trendBefore.resolved);
  await showAllHistory();
  await expect(historyRows).toHaveCount(Math.min(auditsBefore + 1, 30));
  await expect(historyRows.first()).toContainText("manual");
  await expect(page.getByText(/SQLite in (dev|test)[^,]*, PostgreSQL 16 in prod/)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("scorecard-after-fix.png"), fullPage: true });
});

test("the overview lists the repository and the badge shows its level and score", async ({
  page,
  request,
}, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "acme/storefront" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("overview.png"), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  const badge = await request.get("/api/badge/acme/storefront.svg");
  expect(badge.status()).toBe(200);
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  const svg = await badge.text();
  expect(svg).toMatch(/<svg[\s\S]*parity[\s\S]*\d+/i);
  expect(svg).toMatch(/Gold|Silver|Bronze|Not yet/);
});

test("a repository that does not exist on GitHub is refused, not connected", async ({ page, request }) => {
  await page.goto("/repos/new");
  const input = page.getByLabel("Repository");
  await input.fill("acme/storefrnt");
  await page.getByRole("button", { name: "Add repository" }).click();
  await expect(page.locator("#repository-error")).toContainText("acme/storefrnt was not found on GitHub");
  const list = (await (await request.get("/api/repos")).json()) as { repositories: { fullName: string }[] };
  expect(list.repositories.map((r) => r.fullName)).not.toContain("acme/storefrnt");
});

test("a failed audit says why, on the scorecard and on the overview", async ({ page, request }, testInfo) => {
  // GitHub stops answering for the repository: the next audit fails with GitHub's reason.
  const fault = await request.post(`${GITHUB}/_double/faults`, {
    data: { fault: { kind: "status", status: 404 }, path: "/repos/acme/storefront" },
  });
  expect(fault.ok()).toBe(true);
  try {
    await page.goto(SCORECARD);
    await page.getByRole("button", { name: "Re-audit" }).click();
    const failure = page.getByRole("alert").filter({ hasText: "The latest audit failed" });
    await expect(async () => {
      await page.reload();
      await expect(failure).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    await expect(failure).toContainText(/not found/i);
    await page.screenshot({ path: testInfo.outputPath("scorecard-failed.png"), fullPage: true });

    await page.goto("/");
    const row = page.getByRole("row", { name: /acme\/storefront/ });
    await expect(row).toContainText("failed");
    await expect(row).toContainText(/not found/i);
  } finally {
    await request.delete(`${GITHUB}/_double/faults`);
  }
});

test("Disconnect asks first, keeps the history when asked to, and deletes it when asked to", async ({
  page,
  request,
}, testInfo) => {
  await page.goto(SCORECARD);
  await page.getByRole("button", { name: "Disconnect" }).click();
  const dialog = page.getByRole("dialog", { name: "Disconnect acme/storefront?" });
  await expect(dialog).toBeVisible();
  // Cancel changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "acme/storefront" })).toBeVisible();

  await page.getByRole("button", { name: "Disconnect" }).click();
  await dialog.getByRole("radio", { name: /Keep its history/ }).check();
  await page.screenshot({ path: testInfo.outputPath("disconnect-dialog.png"), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Disconnect" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "acme/storefront" })).toHaveCount(0);
  expect((await request.get(SCORECARD)).status()).toBe(404);
  expect((await request.get("/api/repos/acme/storefront/history")).status()).toBe(404);

  // Connected again, it comes back with the history it had.
  const again = await request.post("/api/repos", { data: { repository: "acme/storefront" } });
  expect(again.status()).toBe(200);
  const history = (await (await request.get("/api/repos/acme/storefront/history")).json()) as { audits: unknown[] };
  expect(history.audits.length).toBeGreaterThanOrEqual(26);

  // This time the history goes too.
  await page.goto(SCORECARD);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await dialog.getByRole("radio", { name: /Delete its history/ }).check();
  await dialog.getByRole("button", { name: "Disconnect" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect((await request.get("/api/repos/acme/storefront/history")).status()).toBe(404);
  const list = (await (await request.get("/api/repos")).json()) as { repositories: { fullName: string }[] };
  expect(list.repositories.map((r) => r.fullName)).not.toContain("acme/storefront");
});
