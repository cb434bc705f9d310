import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect as baseExpect, type Page, test } from "@playwright/test";

// Each search, sort or filter is a round trip to the server: on a loaded machine it can take more than 5 s.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * The overview with several audited repositories (issue 14, item 10): the search finds a
 * repository by any of its open findings (not only the worst), the view (search, filter, sort)
 * lives in the URL and survives a reload, private repositories are marked, and a phone shows every
 * repository's worst finding, without scrolling sideways. 1280 px light and 375 px
 * dark screenshots are saved as artifacts.
 */

// acme/ledger and acme/billing are private on the GitHub double (github-double/seed-users.ts).
const REPOSITORIES = ["acme/checkout-api", "acme/ledger", "acme/billing", "acme/edge-router"] as const;

interface Summary {
  fullName: string;
  isPrivate: boolean;
  lastAuditStatus: string | null;
  worstFinding: { title: string; severity: string } | null;
}
interface ReportFinding {
  title: string;
  message: string;
  suppressed: boolean;
}

test.describe.configure({ mode: "serial" });
// Four audits and their history backfills first, on a machine other suites may be loading too.
test.setTimeout(180_000);

async function summaries(request: APIRequestContext): Promise<Summary[]> {
  const response = await request.get("/api/repos");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { repositories: Summary[] }).repositories;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** A repository with an open finding that is not its worst one, and that finding's message. */
async function hiddenFinding(request: APIRequestContext): Promise<{ fullName: string; message: string }> {
  const rows = await summaries(request);
  const worst = new Set(rows.flatMap((row) => (row.worstFinding ? [row.worstFinding.title] : [])));
  for (const row of rows) {
    const report = (await (await request.get(`/api/repos/${row.fullName}`)).json()) as { findings: ReportFinding[] };
    const open = report.findings.filter((finding) => !finding.suppressed);
    // A message no repository shows as its worst finding: only a search over every finding finds it.
    const other = open.find((finding) => !worst.has(finding.message) && finding.message !== row.worstFinding?.title);
    if (other) return { fullName: row.fullName, message: other.message };
  }
  throw new Error("no repository has an open finding besides its worst one");
}

test.beforeAll(async ({ request }) => {
  for (const repository of REPOSITORIES) {
    // Connecting asks the GitHub double first; on a busy machine that can time out once (502).
    await expect(async () => {
      const response = await request.post("/api/repos", { data: { repository } });
      expect(response.status(), repository).toBeLessThan(300);
    }).toPass({ timeout: 90_000, intervals: [2_000] });
  }
  await expect(async () => {
    const rows = (await summaries(request)).filter((row) => (REPOSITORIES as readonly string[]).includes(row.fullName));
    expect(rows.map((row) => row.lastAuditStatus)).toEqual(REPOSITORIES.map(() => "succeeded"));
  }).toPass({ timeout: 180_000, intervals: [1_000] });
});

test.describe("at 1280 px, light", () => {
  test.use({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });

  test("the search finds a repository by a finding that is not its worst, and the view survives a reload", async ({
    page,
    request,
  }, testInfo) => {
    const target = await hiddenFinding(request);
    await page.goto("/");
    // The search answers as you type once the page's script runs (before that, Enter submits the form).
    await page.waitForLoadState("networkidle");
    const table = page.getByRole("table");
    // Every connected repository (others' specs may have added some), and the header row.
    await expect(table.getByRole("row")).toHaveCount((await summaries(request)).length + 1);

    await page.getByRole("searchbox", { name: "Search" }).fill(target.message);
    await expect(page).toHaveURL(/[?&]q=/);
    const row = table.getByRole("row", { name: new RegExp(target.fullName) });
    await expect(row).toBeVisible();
    await expect(row).toContainText(`matches:`);
    await expect(row).toContainText(target.message);

    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(target.message);
    await expect(table.getByRole("row", { name: new RegExp(target.fullName) })).toBeVisible();

    // Sorting is a link: the sort lands in the URL, and a reload (or a shared link) keeps it.
    await page.getByRole("searchbox", { name: "Search" }).fill("");
    await expect(page).not.toHaveURL(/[?&]q=/);
    await page.getByRole("link", { name: "Repository", exact: true }).click();
    await expect(page).toHaveURL(/sort=fullName&dir=asc/);
    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("columnheader", { name: "Repository" })).toHaveAttribute("aria-sort", "ascending");
    const names = await table.locator("tbody th").allInnerTexts();
    const sorted = [...names].sort((a, b) => a.localeCompare(b));
    expect(names).toEqual(sorted);

    // A filter too: only Not-yet repositories, from the URL alone.
    await page.getByLabel("Level").selectOption("none");
    await expect(page).toHaveURL(/level=none/);
    const shared = page.url();
    await page.goto(shared);
    await page.waitForLoadState("networkidle");
    await expect(page.getByLabel("Level")).toHaveValue("none");

    await page.goto("/");
    // Private repositories say so, public ones do not.
    for (const summary of await summaries(request)) {
      const line = table.getByRole("row", { name: new RegExp(summary.fullName) });
      if (summary.isPrivate) await expect(line).toContainText("Private");
      else await expect(line).not.toContainText("Private");
    }
    await expect(table.getByRole("row", { name: /acme\/ledger/ })).toContainText("Private");

    const file = testInfo.outputPath("overview-desktop.png");
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach("overview-desktop", { path: file, contentType: "image/png" });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe("at 375 px, dark", () => {
  test.use({ viewport: { width: 375, height: 740 }, colorScheme: "dark" });

  test("a phone shows each repository's worst finding without scrolling sideways", async ({
    page,
    request,
  }, testInfo) => {
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    await expect(page.locator("html")).toHaveClass(/dark/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "the page must not scroll sideways").toBeLessThanOrEqual(0);

    // The table fits the screen (it used to be cut at 375 px): name, overall, worst finding.
    const table = page.getByRole("table");
    const cut = await table.evaluate((element) => element.scrollWidth - (element.parentElement?.clientWidth ?? 0));
    expect(cut, "the table must fit the phone's width").toBeLessThanOrEqual(0);
    const rows = await summaries(request);
    await expect(table.locator("tbody tr")).toHaveCount(rows.length);
    for (const summary of rows) {
      const row = table.getByRole("row", { name: new RegExp(summary.fullName) });
      await expect(row).toBeVisible();
      // The worst finding is on screen, whole, not cut off to the right.
      const worst = row.getByText(summary.worstFinding?.title ?? "none open", { exact: true }).first();
      await expect(worst).toBeVisible();
      const box = await worst.boundingBox();
      expect(box, summary.fullName).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), summary.fullName).toBeLessThanOrEqual(375);
      if (summary.isPrivate) await expect(row).toContainText("Private");
    }

    // The phone sorts with a control of its own, into the URL as well.
    await page.getByLabel("Sort").selectOption({ label: "name" });
    await expect(page).toHaveURL(/sort=fullName&dir=asc/);

    const file = testInfo.outputPath("overview-mobile.png");
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach("overview-mobile", { path: file, contentType: "image/png" });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
