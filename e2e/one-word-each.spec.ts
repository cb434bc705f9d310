import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

/**
 * Issue 14, items 6, 9 and 11, where a person sees them: one severity per finding, one matrix
 * entry per service and environment (alternatives folded, keyboard-reachable), counts that agree
 * with their nouns, human sentences in the add form, "Add it" filled in, and public/'s files.
 * Each page checked is screenshotted at 1280 px light and 375 px dark, and must pass axe.
 */

const VIEWS = [
  { name: "1280-light", viewport: { width: 1280, height: 800 }, colorScheme: "light" },
  { name: "375-dark", viewport: { width: 375, height: 740 }, colorScheme: "dark" },
] as const;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** Screenshots in both views and axe in each: the page is already where the test wants it. */
async function inBothViews(
  page: Page,
  slug: string,
  outputPath: (name: string) => string,
  prepare?: () => Promise<void>,
) {
  for (const view of VIEWS) {
    await page.setViewportSize(view.viewport);
    await page.emulateMedia({ colorScheme: view.colorScheme });
    await page.reload();
    await prepare?.();
    await page.screenshot({ path: outputPath(`${slug}-${view.name}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }
}

/** Connects a seeded repository of the GitHub double and waits until its scorecard shows the matrix. */
async function connected(page: Page, repository: string) {
  const added = await page.request.post("/api/repos", { data: { repository } });
  expect([200, 201]).toContain(added.status());
  await expect(async () => {
    await page.goto(`/repos/${repository}`);
    await expect(page.getByRole("heading", { name: /Services across environments/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
}

// Each test audits a repository and runs axe four times: on a loaded machine that takes minutes.
test.describe.configure({ mode: "serial", timeout: 420_000 });

test("the Tools card shows a finding's severity, the one the findings list shows", async ({ page }, testInfo) => {
  // checkout-api: service-version's default is medium; PostgreSQL 13 against 16 raises its finding to high.
  await connected(page, "acme/checkout-api");
  const tools = page.getByRole("region", { name: /^Tools/ });
  const check = tools.getByRole("listitem").filter({ hasText: "Same service versions" });
  await expect(check).toContainText("high");
  await expect(check).not.toContainText("medium");
  const finding = page
    .getByRole("region", { name: /^Findings/ })
    .locator("summary", { hasText: "PostgreSQL 13 in dev" });
  await expect(finding).toContainText("high");
  await inBothViews(page, "severity-scorecard", (name) => testInfo.outputPath(name));
});

test("the matrix has one entry per service and environment, alternatives on hover and expand", async ({
  page,
}, testInfo) => {
  // storefront: prod names PostgreSQL in database.yml and 16 in Terraform; dev's cache is
  // in-memory in the Rails settings while .env.example also names a REDIS_URL.
  await connected(page, "acme/storefront");
  const matrix = page.getByRole("region", { name: "Services table" });
  await expect(matrix).not.toContainText("PostgreSQL, PostgreSQL 16");
  await expect(matrix).not.toContainText("in-memory, Redis");
  const cache = matrix.getByRole("row", { name: /^cache/ });
  const devCell = cache.getByRole("cell").first();
  await expect(devCell.getByRole("link", { name: /in-memory/ })).toBeVisible();
  const alternatives = devCell.locator("summary");
  await expect(alternatives).toHaveText("1 alternative");
  await expect(alternatives).toHaveAttribute("title", /Also named for dev: Redis/);
  // Keyboard only: the disclosure opens with Enter and lists where each option is named.
  await alternatives.focus();
  await page.keyboard.press("Enter");
  await expect(devCell.getByRole("link", { name: ".env.example:2" })).toBeVisible();
  await expect(devCell).toContainText("which one runs depends on configuration");
  const prodDatabase = matrix
    .getByRole("row", { name: /^database/ })
    .getByRole("cell")
    .last();
  await expect(prodDatabase).toContainText("PostgreSQL 16");
  await expect(prodDatabase.locator("summary")).toHaveCount(0);

  // The next level says what is missing once, not "One-command dev environment (now: No one-command…)".
  await expect(page.getByRole("region", { name: /Next: Bronze needs/ })).toContainText(
    "No one-command dev environment, while prod runs",
  );
  await expect(page.getByText("(now: No one-command dev environment")).toHaveCount(0);
  await inBothViews(
    page,
    "matrix-scorecard",
    (name) => testInfo.outputPath(name),
    async () => {
      await page
        .getByRole("region", { name: "Services table" })
        .getByRole("row", { name: /^cache/ })
        .locator("summary")
        .first()
        .click();
    },
  );
});

test("counts agree with their nouns on every page that counts", async ({ page }) => {
  for (const path of ["/", "/repos/acme/storefront", "/repos/acme/checkout-api"]) {
    await page.goto(path);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text, path).not.toMatch(/\b1 (commits|deploys|audits|weeks|days|hours|minutes|people|times)\b/);
  }
});

test("the add form speaks in sentences, and a 404's 'Add it' fills it in", async ({ page }, testInfo) => {
  await page.goto("/repos/acme/not-connected-yet");
  await page.getByRole("link", { name: "Add it" }).click();
  await expect(page).toHaveURL(/\/repos\/new\?repository=acme%2Fnot-connected-yet$/);
  await expect(page.getByLabel("Repository")).toHaveValue("acme/not-connected-yet");

  // A proxy in front of Parity answers with its own page: the form still says something useful.
  await page.route("**/api/repos", (route) =>
    route.fulfill({ status: 502, contentType: "text/html", body: "<html><body>Bad Gateway</body></html>" }),
  );
  await page.getByRole("button", { name: "Add repository" }).click();
  const error = page.locator("#repository-error");
  await expect(error).toHaveText("GitHub or Parity's server did not answer in time. Try again in a minute.");
  await expect(error).not.toContainText("HTTP");
  await inBothViews(
    page,
    "add-form-error",
    (name) => testInfo.outputPath(name),
    async () => {
      await page.getByRole("button", { name: "Add repository" }).click();
      await expect(page.locator("#repository-error")).toBeVisible();
    },
  );
});

test("public/ holds robots.txt, the web manifest and the social preview", async ({ page, request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(((await manifest.json()) as { name: string }).name).toBe("Parity");
  const preview = await request.get("/social-preview.png");
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-type"]).toBe("image/png");

  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
});
