import { expect, type Page, test } from "@playwright/test";
import { APP_URL as LOCAL_APP } from "./ports";

/**
 * Team mode end to end (the app on its own port with sign-in configured, the GitHub double as
 * github.com and api.github.com): `maya-l` reads acme's private repositories, `guest-gail` only
 * public ones (github-double/seed-users.ts). Runs after the other projects.
 */

test.describe.configure({ mode: "serial" });

async function signIn(page: Page, login: string): Promise<void> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await page.getByRole("link", { name: "Sign in with GitHub" }).click();
  await page.getByRole("link", { name: `Sign in as ${login}` }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(`@${login}`);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
}

test("signed-out visitors are sent to sign-in, and the API answers 401", async ({ page, request }) => {
  await page.goto("/repos/acme/ledger");
  await expect(page).toHaveURL(/\/signin\?next=%2Frepos%2Facme%2Fledger$/);
  await expect(page.getByRole("heading", { name: "Sign in to Parity" })).toBeVisible();
  const api = await request.get("/api/repos");
  expect(api.status()).toBe(401);
  expect((await request.get("/api/export/repositories?format=csv")).status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthorized");
});

test("a member connects a private and a public repository and sees both", async ({ page }, testInfo) => {
  await signIn(page, "maya-l");
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "parity_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  for (const repository of ["acme/ledger", "acme/brand-assets"]) {
    const added = await page.request.post("/api/repos", { data: { repository } });
    expect(added.status(), repository).toBeLessThan(300);
  }
  await page.goto("/");
  const main = page.locator("main");
  await expect(main).toContainText("acme/ledger");
  await expect(main).toContainText("acme/brand-assets");
  await page.goto("/repos/acme/ledger");
  await expect(page.getByRole("heading", { level: 1, name: "acme/ledger" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("member.png"), fullPage: true });
  await signOut(page);
  await page.goto("/repos/acme/ledger");
  await expect(page).toHaveURL(/\/signin/);
});

test("an outsider sees only the public repository; the private one is a 404", async ({ page }, testInfo) => {
  await signIn(page, "guest-gail");
  const main = page.locator("main");
  await expect(main).toContainText("acme/brand-assets");
  await expect(main).not.toContainText("acme/ledger");
  await page.screenshot({ path: testInfo.outputPath("outsider.png"), fullPage: true });

  const hidden = await page.goto("/repos/acme/ledger");
  expect(hidden?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  for (const path of [
    "/api/repos/acme/ledger",
    "/api/repos/acme/ledger/history",
    "/api/repos/acme/ledger/findings?format=csv",
    "/api/repos/acme/ledger/suppressions",
    "/api/repos/acme/ledger/fixes",
  ]) {
    const answer = await page.request.get(path);
    expect(answer.status(), path).toBe(404);
  }
  expect((await page.request.post("/api/repos/acme/ledger/audits")).status()).toBe(404);
  const suppress = await page.request.post("/api/repos/acme/ledger/suppressions", {
    data: { fingerprint: "0123456789abcdef", kind: "suppress", reason: "not mine to say" },
  });
  expect(suppress.status()).toBe(404);
  expect((await page.request.post("/api/repos/acme/ledger/fixes", { data: { all: true } })).status()).toBe(404);
  // The exports and the fix-first list hold only what this viewer may see.
  const exported = await (await page.request.get("/api/export/repositories?format=csv")).text();
  expect(exported).toContain("acme/brand-assets");
  expect(exported).not.toContain("acme/ledger");
  await page.goto("/fix-first");
  await expect(page.locator("main")).not.toContainText("acme/ledger");
  expect((await page.request.post("/api/repos", { data: { repository: "acme/billing" } })).status()).toBe(404);
  const list = (await (await page.request.get("/api/repos")).json()) as { repositories: { fullName: string }[] };
  expect(list.repositories.map((r) => r.fullName)).toEqual(["acme/brand-assets"]);
});

test("a tampered session cookie is rejected", async ({ page, context }) => {
  await signIn(page, "guest-gail");
  const [session] = (await context.cookies()).filter((cookie) => cookie.name === "parity_session");
  if (!session) throw new Error("no session cookie");
  const [token = "", signature = ""] = session.value.split(".");
  const flip = (text: string) => `${text.slice(0, -2)}${text.at(-2) === "A" ? "B" : "A"}${text.slice(-1)}`;
  for (const value of [`${flip(token)}.${signature}`, `${token}.${flip(signature)}`, "forged"]) {
    await context.addCookies([{ ...session, value }]);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/signin\?next=%2Fsettings$/);
    expect((await page.request.get("/api/repos")).status()).toBe(401);
  }
});

test("badges are public for public repositories only", async ({ request }) => {
  expect((await request.get("/api/badge/acme/brand-assets.svg")).status()).toBe(200);
  const hidden = await request.get("/api/badge/acme/ledger.svg");
  expect(hidden.status()).toBe(404);
  expect(await hidden.text()).toContain("not audited");
});

test("cross-site mutations are refused and security headers are set", async ({ request }) => {
  const forged = await request.post("/api/repos", {
    data: { repository: "acme/storefront" },
    headers: { origin: "https://evil.example" },
  });
  expect(forged.status()).toBe(403);
  const page = await request.get("/signin");
  const headers = page.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
});

test("local mode says so and needs no sign-in", async ({ page }) => {
  await page.goto(`${LOCAL_APP}/settings`);
  await expect(page.getByRole("link", { name: "Local mode" })).toBeVisible();
  await expect(page.locator("#access")).toContainText("loopback address (127.0.0.1) only");
});
