import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { GITHUB_URL as GITHUB } from "./ports";

/**
 * Issue 17 item 6, end to end through the GitHub double: a finding with a proven fix shows its
 * diff on the scorecard, "Open pull request" opens one (a second press updates it, never a second
 * pull request), the pull request is merged on "GitHub", a re-audit no longer finds the problem,
 * and the trend gains a point. acme/payments is this spec's own repository
 * (github-double/seed-fix-demo.ts), so merging into it moves no other spec's numbers.
 */

test.describe.configure({ mode: "serial", timeout: 240_000 });

const REPOSITORY = "acme/payments";
const SCORECARD = `/repos/${REPOSITORY}`;
const AUTH = { authorization: "token e2e-token" };

async function trendCounts(page: Page) {
  const summary = page.getByRole("region", { name: "Score per gap" }).locator("h2 + div");
  // Short: inside toPass, a page without the card yet must fail fast and reload, not wait it out.
  const text = await summary.textContent({ timeout: 2_000 }).catch(() => "");
  const match = /(\d+) audits · ● (\d+) appeared · ○ (\d+) resolved/.exec(text ?? "");
  return { points: Number(match?.[1] ?? 0), resolved: Number(match?.[3] ?? 0) };
}

test("a proven fix becomes a pull request, and merging it resolves the finding", async ({
  page,
  request,
}, testInfo) => {
  const added = await request.post("/api/repos", { data: { repository: REPOSITORY } });
  expect(added.status()).toBeLessThan(300);
  await expect(async () => {
    expect((await request.get(`/api/repos/${REPOSITORY}`)).status()).toBe(200);
  }).toPass({ timeout: 120_000 });
  // The live audit, then the history backfill's 25 weekly points.
  await page.goto(SCORECARD);
  await expect(async () => {
    await page.reload();
    expect((await trendCounts(page)).points).toBeGreaterThanOrEqual(26);
  }).toPass({ timeout: 120_000 });
  const before = await trendCounts(page);

  // The finding says a fix is ready; opened, it shows the diff and what the fix moves.
  const offered = (await (await request.get(`/api/repos/${REPOSITORY}/fixes`)).json()) as {
    fixes: { fingerprint: string }[];
  };
  expect(offered.fixes).toHaveLength(1);
  const finding = page.locator(`#finding-${offered.fixes[0]?.fingerprint}`);
  await expect(finding).toContainText("PostgreSQL 14 in dev, PostgreSQL 16 in prod");
  await expect(finding.locator("summary")).toContainText("fix ready");
  await finding.locator("summary").click();
  const offer = finding.getByRole("region", { name: "Proven fix" });
  await expect(offer).toContainText("docker-compose.yml: postgres:14-alpine -> postgres:16-alpine");
  await expect(offer).toContainText(/tools \d+ → 100/);
  await offer.getByRole("button", { name: "Show the change" }).click();
  const diff = offer.getByLabel(/^The change for/);
  await expect(diff).toContainText("-    image: postgres:14-alpine # the version we started with");
  await expect(diff).toContainText("+    image: postgres:16-alpine # the version we started with");
  // A credential on a context line is never shown.
  await expect(diff).not.toContainText("POSTGRES_PASSWORD: payments");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("fix-offer.png"), fullPage: true });

  // A request from another site is refused before anything reaches GitHub.
  const crossSite = await request.post(`/api/repos/${REPOSITORY}/fixes`, {
    headers: { origin: "http://evil.example" },
    data: { all: true },
  });
  expect(crossSite.status()).toBe(403);

  // Open the pull request; a second press updates the same one.
  await offer.getByRole("button", { name: "Open pull request" }).click();
  const status = offer.getByRole("status");
  await expect(status).toContainText(/Opened pull request #\d+/, { timeout: 60_000 });
  const number = Number(/#(\d+)/.exec((await status.textContent()) ?? "")?.[1]);
  const branch = (await status.locator("code").textContent()) ?? "";
  expect(branch).toMatch(/^parity\/fix-service-version-/);
  await offer.getByRole("button", { name: "Open pull request" }).click();
  await expect(status).toContainText(`Updated pull request #${number}`, { timeout: 60_000 });

  // On "GitHub": one open pull request from the branch, with what, why and the scores.
  const pulls = await request.get(`${GITHUB}/repos/${REPOSITORY}/pulls?state=open&head=acme:${branch}`, {
    headers: AUTH,
  });
  const open = (await pulls.json()) as { number: number; body: string | null }[];
  expect(open.map((pull) => pull.number)).toEqual([number]);
  expect(open[0]?.body).toContain("## What changes");
  expect(open[0]?.body).toContain("## Why");
  expect(open[0]?.body).toMatch(/\| tools \| \d+ \| 100 \(\+\d+\) \|/);
  const merged = await request.put(`${GITHUB}/repos/${REPOSITORY}/pulls/${number}/merge`, {
    headers: AUTH,
    data: { merge_method: "merge" },
  });
  expect(merged.status()).toBe(200);

  // A re-audit reads the merged change: the finding is gone and the trend has one more point.
  await page.reload();
  await page.getByRole("button", { name: "Re-audit" }).click();
  await expect(async () => {
    await page.reload();
    expect((await trendCounts(page)).points).toBe(before.points + 1);
  }).toPass({ timeout: 120_000 });
  expect((await trendCounts(page)).resolved).toBeGreaterThan(before.resolved);
  await expect(page.getByText("PostgreSQL 14 in dev, PostgreSQL 16 in prod")).toHaveCount(0);
  await expect(page.getByText("fix ready")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("after-merge.png"), fullPage: true });
});
