import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";

/**
 * Issue 14, items 7 and 8: the scorecard's and the overview's numbers say what they measure
 * (windows, weights, "+N", "Not yet", partial history, time zones, one lead-time median), and the
 * charts tell their series apart by more than grey (a colour-blind-safe palette in both themes, a
 * legend, direct labels), draw a line at 100 whole, and leave no half-empty card.
 *
 * Against the GitHub double: acme/checkout-api deploys every merge (over 100 deployments in the
 * window: GitHub's list is cut), acme/brand-assets never deploys.
 */

const CAPPED = "/repos/acme/checkout-api";
const NO_DEPLOYS = "/repos/acme/brand-assets";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900, colorScheme: "light" },
  { name: "mobile", width: 375, height: 740, colorScheme: "dark" },
] as const;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

async function trendPoints(page: Page): Promise<number> {
  const aside = page.getByRole("region", { name: /Score per gap/ }).locator("h2 + div");
  if ((await aside.count()) === 0) return 0;
  return Number(/(\d+) audits/.exec((await aside.textContent()) ?? "")?.[1] ?? 0);
}

/** WCAG relative luminance and contrast of `rgb(...)` colours. */
function rgb(color: string): [number, number, number] {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}
function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
/** HSL saturation: 0 for greys. */
function saturation(color: string): number {
  const [r, g, b] = rgb(color).map((channel) => channel / 255);
  const max = Math.max(r ?? 0, g ?? 0, b ?? 0);
  const min = Math.min(r ?? 0, g ?? 0, b ?? 0);
  const lightness = (max + min) / 2;
  return max === min ? 0 : (max - min) / (1 - Math.abs(2 * lightness - 1));
}

/** The drawn colour of each of a chart's series (their groups set `color`; lines draw in currentColor). */
async function seriesColours(chart: Locator, selector: string): Promise<string[]> {
  return chart.locator(selector).evaluateAll((groups) => groups.map((group) => getComputedStyle(group).color));
}

async function cardBackground(region: Locator): Promise<string> {
  return region.evaluate((element) => getComputedStyle(element).backgroundColor);
}

/** The three gap series are coloured (not grey), distinct, and readable on the card (3:1, WCAG 1.4.11). */
function expectGapColours(colours: string[], background: string) {
  expect(colours).toHaveLength(3);
  expect(new Set(colours).size, "each gap has its own colour").toBe(3);
  for (const colour of colours) {
    expect(saturation(colour), `${colour} is a colour, not a grey`).toBeGreaterThan(0.4);
    expect(contrast(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(3);
  }
}

// In file order on the one worker: the first test connects the repositories the others read.
// axe over a whole scorecard takes a while on a busy machine.
test.describe.configure({ timeout: 180_000 });

test("two repositories are connected and their 26 weeks of history are filled in", async ({ request, page }) => {
  test.setTimeout(240_000);
  for (const repository of ["acme/checkout-api", "acme/brand-assets"]) {
    const added = await request.post("/api/repos", { data: { repository } });
    expect([200, 201, 202]).toContain(added.status());
  }
  for (const path of [CAPPED, NO_DEPLOYS]) {
    await expect(async () => {
      await page.goto(path);
      expect(await trendPoints(page)).toBeGreaterThanOrEqual(26);
    }).toPass({ timeout: 180_000 });
  }
});

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width} px, ${viewport.colorScheme}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height }, colorScheme: viewport.colorScheme });

    test("the scorecard says what each number measures", async ({ page }, testInfo) => {
      await page.goto(CAPPED);
      await expect(page.getByRole("heading", { level: 1, name: "acme/checkout-api" })).toBeVisible();

      // How the overall score is made, in place, with the full rules one link away.
      await page.getByRole("button", { name: "How the overall score and the level are made" }).click();
      await expect(page.getByText(/tools 50%/).first()).toBeVisible();
      await expect(page.getByText(/Not yet/).first()).toBeVisible();

      // Windows: the history gaps read 90 days; trends and deploys 26 weeks.
      await expect(
        page.getByRole("region", { name: /^Time/ }).getByText("last 90 days", { exact: true }),
      ).toBeVisible();
      await expect(
        page.getByRole("region", { name: /^People/ }).getByText("last 90 days", { exact: true }),
      ).toBeVisible();
      await expect(page.getByRole("heading", { name: "Score per gap, last 26 weeks" })).toBeVisible();
      const deploys = page.getByRole("region", { name: /Production deploys/ });
      await expect(deploys.getByRole("heading", { name: "Production deploys, last 26 weeks" })).toBeVisible();

      // One lead-time median on the page: the Time card's is the one the deploys card repeats.
      const main = ((await page.getByRole("main").textContent()) ?? "").replace(/\s+/g, " ");
      const medians = new Set(
        [...main.matchAll(/median (?:lead time )?(\d[\d.]* (?:minutes|hours|days|min|h))/g)].map((m) => m[1]),
      );
      expect([...medians], "one lead-time median").toHaveLength(1);
      await expect(deploys.locator("[data-note=lead-time]")).toContainText("last 90 days");

      // The cut deploy list says so where the list is, and "(partial history)" is explained.
      await expect(deploys.locator("[data-note=deploys-cut]")).toContainText("latest 100 deployments");
      await expect(page.locator("[data-note=partial-history]").first()).toContainText("Partial history");

      // Times say their zone.
      const times = deploys.getByRole("list", { name: "Latest deploys" }).locator("time");
      await expect(times.first()).toHaveText(/ UTC$/);
      await expect(page.getByRole("columnheader", { name: "date (UTC)" })).toBeVisible();

      const file = testInfo.outputPath(`numbers-scorecard-${viewport.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`numbers-scorecard-${viewport.name}`, { path: file, contentType: "image/png" });
      expect(await seriousViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "the open explanation must not widen the page").toBeLessThanOrEqual(0);
    });

    test("the score trend tells its series apart and draws a line at 100 whole", async ({ page }, testInfo) => {
      await page.goto(CAPPED);
      const card = page.getByRole("region", { name: /Score per gap/ });
      const chart = card.locator("[data-chart=score-trend]");
      // Charts are drawn in the browser after the page: give a busy machine time.
      await expect(chart.locator(".recharts-line")).toHaveCount(4, { timeout: 30_000 });

      const colours = await seriesColours(chart, ".recharts-line");
      expectGapColours(colours.slice(0, 3), await cardBackground(card));
      // Dark mode has its own shades (lighter on the dark card).
      if (viewport.colorScheme === "dark") expect(colours[0]).not.toBe("rgb(0, 114, 178)");

      // A legend in the page and a label at the end of each line.
      await expect(card.getByRole("listitem").filter({ hasText: /^tools$/ })).toBeVisible();
      await expect(card.getByRole("listitem").filter({ hasText: /^people$/ })).toBeVisible();
      await expect(chart.locator("text[data-direct-label]")).toHaveCount(4);

      // The plot keeps room above 100: a line there is not cut in half by the plot's edge.
      const room = await chart.evaluate((element) => {
        const clip = element.querySelector("clipPath rect");
        // Recharts draws the y axis' tick marks apart from their labels; the highest mark is 100's.
        const marks = [...element.querySelectorAll(".recharts-yAxis .recharts-cartesian-axis-tick-line")].map((line) =>
          Number(line.getAttribute("y1")),
        );
        if (!clip || marks.length === 0) return -1;
        return Math.min(...marks) - Number(clip.getAttribute("y"));
      });
      expect(room, "pixels between the 100 line and the top of the plot").toBeGreaterThanOrEqual(4);

      const file = testInfo.outputPath(`numbers-trend-${viewport.name}.png`);
      await card.screenshot({ path: file });
      await testInfo.attach(`numbers-trend-${viewport.name}`, { path: file, contentType: "image/png" });
    });

    test("a card with nothing to chart does not sit half empty beside a chart", async ({ page }, testInfo) => {
      await page.goto(NO_DEPLOYS);
      const trend = page.getByRole("region", { name: /Score per gap/ });
      const deploys = page.getByRole("region", { name: /Production deploys/ });
      await expect(deploys).toContainText("No deploy signal found");
      const [trendBox, deploysBox] = [await trend.boundingBox(), await deploys.boundingBox()];
      expect(deploysBox?.width, "the note spans the trend's width").toBeCloseTo(trendBox?.width ?? 0, 0);
      expect(deploysBox?.y ?? 0, "stacked, not side by side").toBeGreaterThan((trendBox?.y ?? 0) + 10);
      const file = testInfo.outputPath(`numbers-no-deploys-${viewport.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`numbers-no-deploys-${viewport.name}`, { path: file, contentType: "image/png" });
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the overview explains its numbers and colours its charts", async ({ page }, testInfo) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      const average = page.getByRole("region", { name: /Average score, last 26 weeks/ });
      await expect(average.locator("[data-note=score-change]")).toHaveText(
        /^[+−]\d+ since the week of \d{4}-\d{2}-\d{2}$/,
      );
      await expect(average.locator("text[data-direct-label]")).toHaveCount(1, { timeout: 30_000 });

      const findings = page.getByRole("region", { name: /Open findings by gap, last 26 weeks/ });
      await expect(findings).toContainText("this week:");
      const chart = findings.locator("[data-chart=findings-by-gap]");
      await expect(chart.locator(".recharts-area")).toHaveCount(3, { timeout: 30_000 });
      expectGapColours(await seriesColours(chart, ".recharts-area"), await cardBackground(findings));
      await expect(findings.getByRole("listitem").filter({ hasText: /^time$/ })).toBeVisible();
      await expect(chart.locator("text[data-direct-label]")).toHaveCount(3);

      await page.getByRole("button", { name: "What these numbers mean" }).click();
      await expect(page.getByText(/tools 50%/).first()).toBeVisible();

      const file = testInfo.outputPath(`numbers-overview-${viewport.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`numbers-overview-${viewport.name}`, { path: file, contentType: "image/png" });
      expect(await seriousViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test("the scoring rules the explanations link to are a page of the dashboard", async ({ page }, testInfo) => {
  await page.goto(CAPPED);
  await page.getByRole("button", { name: "How the overall score and the level are made" }).click();
  await page
    .getByRole("link", { name: /How scores are made/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/docs\/scoring$/);
  await expect(page.getByRole("heading", { level: 1, name: "Scoring" })).toBeVisible();
  await expect(page.locator("#time-and-personnel")).toBeVisible();
  await expect(page.getByText(/tools 50%, time 25%, personnel 25%/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("numbers-scoring-doc.png"), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});
