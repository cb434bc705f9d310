import { expect, test } from "@playwright/test";
import { APP_URL, GITHUB_URL } from "./ports";

/**
 * Step 1 of docs/github-app.md in a real browser: Settings' "Create the GitHub App" posts the
 * manifest to GitHub's web origin (the GitHub double stands in for github.com: GITHUB_URL),
 * which the page's CSP must allow, and GitHub's redirect brings back the new App's settings.
 */

test("Create the GitHub App reaches GitHub's manifest endpoint and comes back with the App", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|form-action/i.test(message.text())) refused.push(message.text());
  });
  const settings = await page.goto("/settings");
  const policy = settings?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain(`form-action 'self' ${GITHUB_URL}`);

  const posted = page.waitForRequest(
    (request) => request.method() === "POST" && request.url() === `${GITHUB_URL}/settings/apps/new`,
  );
  await page.getByRole("button", { name: "Create the GitHub App" }).click();
  const manifest = JSON.parse(new URLSearchParams((await posted).postData() ?? "").get("manifest") ?? "{}") as {
    redirect_url?: string;
  };
  expect(manifest.redirect_url).toBe(`${APP_URL}/api/github/manifest/callback`);

  await page.waitForURL(/\/api\/github\/manifest\/callback\?code=/);
  await expect(page.getByRole("heading", { name: /App is created/ })).toBeVisible();
  await expect(page.locator("pre")).toContainText("GITHUB_APP_ID=");
  await expect(page.locator("pre")).toContainText("GITHUB_WEBHOOK_SECRET=");
  expect(refused).toEqual([]);
});
