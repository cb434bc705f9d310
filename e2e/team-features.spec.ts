import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, type TestInfo, test } from "@playwright/test";
import { GITHUB_URL as GITHUB } from "./ports";

/**
 * Issue 14's "what teams will ask for next", as a person uses them against the GitHub double:
 * the "Fix these first" list across repositories, suppressing a finding from its scorecard until
 * the `.parity.yml` lines land, and exporting the overview and a scorecard's findings. Each view is
 * checked with axe and screenshotted at 1280 px light and 375 px dark.
 */

test.describe.configure({ mode: "serial", timeout: 180_000 });

const REPOSITORIES = ["acme/checkout-api", "acme/edge-router"];
const SCORECARD = "/repos/acme/checkout-api";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** Axe-clean, not scrolling sideways, screenshotted: at 1280 px light, then 375 px dark. */
async function checkBothViewports(page: Page, testInfo: TestInfo, slug: string, prepare: () => Promise<void>) {
  for (const view of [
    { name: "desktop", width: 1280, height: 800, colorScheme: "light" },
    { name: "mobile", width: 375, height: 740, colorScheme: "dark" },
  ] as const) {
    await page.setViewportSize({ width: view.width, height: view.height });
    await page.emulateMedia({ colorScheme: view.colorScheme });
    await page.reload();
    await prepare();
    await expect(page.locator("html")).toHaveClass(view.colorScheme === "dark" ? /dark/ : /^(?!.*dark)/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${slug} must not scroll sideways at ${view.width} px`).toBeLessThanOrEqual(0);
    const file = testInfo.outputPath(`${slug}-${view.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${slug}-${view.name}`, { path: file, contentType: "image/png" });
    expect(await seriousViolations(page), `${slug} at ${view.name}`).toEqual([]);
  }
}

async function connectAndAudit(request: APIRequestContext): Promise<void> {
  for (const repository of REPOSITORIES) {
    const added = await request.post("/api/repos", { data: { repository } });
    expect(added.status(), repository).toBeLessThan(300);
  }
  for (const repository of REPOSITORIES) {
    await expect(async () => {
      expect((await request.get(`/api/repos/${repository}`)).status()).toBe(200);
    }).toPass({ timeout: 120_000 });
  }
}

test.beforeAll(async ({ request }) => {
  await connectAndAudit(request);
});

test("Fix these first ranks every repository's open findings by the score their fix adds", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Fix first" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fix these first" })).toBeVisible();
  const list = page.getByRole("region", { name: /open findings?, biggest gain first/ });
  const items = list.getByRole("listitem");
  await expect(items.first()).toBeVisible();
  // Findings of both repositories, in one list.
  await expect(list.getByRole("link", { name: "acme/checkout-api" }).first()).toBeVisible();
  await expect(list.getByRole("link", { name: "acme/edge-router" }).first()).toBeVisible();
  // Each says what its fix adds ("+12 tools"), biggest first.
  await expect(items.first()).toContainText(/\+\d+ (tools|time|people)|no score change/);
  const gains = await items.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-gain-overall"))));
  expect(gains.length).toBeGreaterThan(1);
  expect(gains[0]).toBeGreaterThan(0);
  expect(gains).toEqual([...gains].sort((a, b) => b - a));

  // Filters live in the URL: shareable and kept on reload.
  await page.getByLabel("Gap").selectOption("tools");
  await page.getByLabel("Severity").selectOption("high");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/fix-first\?gap=tools&severity=high$/);
  await page.reload();
  await expect(page.getByLabel("Gap")).toHaveValue("tools");
  await expect(page.getByLabel("Severity")).toHaveValue("high");
  const filtered = page.getByRole("region", { name: /open findings?, biggest gain first/ }).getByRole("listitem");
  const texts = await filtered.allTextContents();
  for (const text of texts) {
    expect(text).toContain("tools gap");
    expect(text).toContain("high");
  }
  // Each row leads to the finding on its scorecard.
  if (texts.length > 0) {
    const link = filtered.first().getByRole("link");
    await expect(link).toHaveAttribute("href", /^\/repos\/acme\/[\w-]+#finding-[0-9a-f]+$/);
  }
  await page.goto("/fix-first");
  await checkBothViewports(page, testInfo, "fix-first", async () => {
    await expect(page.getByRole("heading", { level: 1, name: "Fix these first" })).toBeVisible();
  });
});

test("a finding is suppressed from its scorecard: the .parity.yml lines, pending until an audit reads them", async ({
  page,
  request,
}, testInfo) => {
  await page.goto(SCORECARD);
  const findings = page.getByRole("region", { name: /^Findings \(/ });
  const first = findings.locator("li[id^='finding-']").first();
  const fingerprint = ((await first.getAttribute("id")) ?? "").replace(/^finding-/, "");
  expect(fingerprint).not.toBe("");
  const finding = page.locator(`[id="finding-${fingerprint}"]`);
  await finding.locator("summary").click();
  await finding.getByRole("button", { name: "Suppress or accept…" }).click();
  await finding.getByLabel(/accept the risk/).check();
  await finding.getByLabel("Reason").fill("checkout runs on the managed database in every environment soon");
  await finding.getByRole("button", { name: "Get the .parity.yml lines" }).click();

  const pending = finding.getByRole("status");
  await expect(pending).toContainText("Accepted risk pending until .parity.yml lands");
  const lines = (await pending.locator("pre").textContent()) ?? "";
  expect(lines).toContain("suppress:");
  expect(lines).toContain(`fingerprint: ${fingerprint}`);
  expect(lines).toContain('reason: "Accepted risk: checkout runs on the managed database in every environment soon"');

  // Pending survives a reload: the scorecard reads it from the server.
  await page.reload();
  await expect(finding.locator("summary")).toContainText("suppression pending");
  await checkBothViewports(page, testInfo, "suppression-pending", async () => {
    await finding.locator("summary").click();
    await expect(finding.getByRole("status")).toBeVisible();
  });

  // A request from another site is refused.
  const crossSite = await request.post("/api/repos/acme/checkout-api/suppressions", {
    headers: { origin: "http://evil.example" },
    data: { fingerprint, kind: "suppress", reason: "x" },
  });
  expect(crossSite.status()).toBe(403);

  // The team commits the lines; the next audit reads them and the finding is suppressed.
  const put = await request.put(`${GITHUB}/repos/acme/checkout-api/contents/.parity.yml`, {
    headers: { authorization: "token e2e-token" },
    data: { message: "Accept a Parity finding", content: Buffer.from(lines).toString("base64") },
  });
  expect(put.ok()).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await page.getByRole("button", { name: "Re-audit" }).click();
  await expect(async () => {
    await page.reload();
    await expect(finding.locator("summary")).toContainText("suppressed", { timeout: 1_000 });
  }).toPass({ timeout: 120_000 });
  await expect(finding.locator("summary")).not.toContainText("suppression pending");
  const listed = (await (await request.get("/api/repos/acme/checkout-api/suppressions")).json()) as {
    suppressions: { fingerprint: string; status: string }[];
  };
  expect(listed.suppressions).toEqual([expect.objectContaining({ fingerprint, status: "landed" })]);
});

test("the overview and a scorecard's findings download as CSV and JSON", async ({ page }, testInfo) => {
  await page.goto("/");
  async function download(name: string): Promise<{ filename: string; text: string }> {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
    return { filename: file.suggestedFilename(), text: await readFile((await file.path()) ?? "", "utf8") };
  }
  const csv = await download("Export the overview as CSV");
  expect(csv.filename).toMatch(/^parity-overview-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csv.text.split("\r\n");
  expect(rows[0]).toMatch(/^repository,level,score_overall,score_tools,score_time,score_personnel,/);
  expect(rows.some((row) => row.startsWith("acme/checkout-api,"))).toBe(true);
  const json = JSON.parse((await download("Export the overview as JSON")).text) as {
    repositories: { repository: string }[];
  };
  expect(json.repositories.map((row) => row.repository)).toEqual(expect.arrayContaining(REPOSITORIES));

  await page.goto(SCORECARD);
  const findingsCsv = await download("Export the findings as CSV");
  expect(findingsCsv.filename).toMatch(/^acme_checkout-api-findings-[\d-]+\.csv$/);
  expect(findingsCsv.text.split("\r\n")[0]).toBe(
    "repository,commit,check,gap,severity,title,message,service,environments,evidence,suppressed,suppression_reason,fingerprint",
  );
  const findingsJson = JSON.parse((await download("Export the findings as JSON")).text) as {
    repository: string;
    findings: unknown[];
  };
  expect(findingsJson.repository).toBe("acme/checkout-api");
  expect(findingsJson.findings.length).toBe(findingsCsv.text.trim().split("\r\n").length - 1);

  await page.goto("/");
  await checkBothViewports(page, testInfo, "overview-export", async () => {
    await expect(page.getByRole("link", { name: "Export the overview as CSV" })).toBeVisible();
  });
});
