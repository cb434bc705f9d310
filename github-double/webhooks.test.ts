import { sign, verify } from "@octokit/webhooks-methods";
import { describe, expect, it } from "vitest";
import { signWebhook, webhookDelivery } from "./webhooks";

describe("webhook signing like GitHub", () => {
  it.each([
    ["ascii", "It's a Secret to Everybody", "Hello, World!"],
    ["unicode body", "s3cr3t", JSON.stringify({ action: "opened", title: "Añadir caché ☕" })],
  ])("matches @octokit/webhooks-methods for a %s", async (_name, secret, body) => {
    expect(signWebhook(secret, body)).toBe(await sign(secret, body));
    expect(await verify(secret, body, signWebhook(secret, body))).toBe(true);
  });

  it("reproduces GitHub's documented example signature", () => {
    // docs.github.com, "Validating webhook deliveries": secret and payload with their expected signature.
    expect(signWebhook("It's a Secret to Everybody", "Hello, World!")).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });

  it("builds a delivery whose signature covers the exact body bytes", async () => {
    const delivery = webhookDelivery(
      "whsec",
      "pull_request",
      { action: "synchronize", number: 7 },
      { deliveryId: "d-1" },
    );
    expect(delivery.headers).toMatchObject({ "x-github-event": "pull_request", "x-github-delivery": "d-1" });
    const signature = delivery.headers["x-hub-signature-256"] ?? "";
    expect(await verify("whsec", delivery.body, signature)).toBe(true);
    expect(await verify("whsec", `${delivery.body} `, signature)).toBe(false);
    expect(await verify("other", delivery.body, signature)).toBe(false);
  });
});
