import { expect, test } from "@playwright/test";

test.describe("product shell", () => {
  test("the overview explains Parity and leads to adding a repository, without console errors", async ({
    page,
  }, testInfo) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));

    await page.goto("/");
    await expect(page.getByRole("link", { name: "Parity" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Overview", "Repositories", "Settings"]) {
      await expect(nav.getByRole("link", { name })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: "No repositories yet" })).toBeVisible();
    await expect(page.getByText("Parity reads how each repository runs")).toBeVisible();
    await expect(page.getByRole("link", { name: "Add repository" })).toBeVisible();
    await expect(page.locator('link[rel="icon"]')).toHaveCount(1);

    await page.screenshot({ path: testInfo.outputPath("overview-empty.png"), fullPage: true });
    await testInfo.attach("overview-empty", {
      path: testInfo.outputPath("overview-empty.png"),
      contentType: "image/png",
    });
    expect(problems).toEqual([]);
  });

  test("dark mode follows the toggle and survives a reload", async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    await expect(page.locator("html")).not.toHaveClass(/dark/);
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: testInfo.outputPath("overview-dark.png"), fullPage: true });
  });

  test("every page is reachable by keyboard from the skip link", async ({ page }) => {
    await page.goto("/settings");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  });
});
