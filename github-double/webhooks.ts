import { createHmac, randomUUID } from "node:crypto";

/**
 * Webhook deliveries as GitHub sends them, for other tests: the body signed with HMAC-SHA256 of
 * the webhook secret over the exact raw bytes (`X-Hub-Signature-256: sha256=<hex>`), plus the
 * headers a receiver reads. Sign the string you send: re-serialising JSON changes the bytes and
 * breaks the signature, exactly as it would with GitHub.
 */

export function signWebhook(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface WebhookDelivery {
  body: string;
  headers: Record<string, string>;
}

/** A ready-to-POST delivery of `event` (`pull_request`, `push`...) with `payload` as its body. */
export function webhookDelivery(
  secret: string,
  event: string,
  payload: unknown,
  options: { deliveryId?: string; hookId?: number } = {},
): WebhookDelivery {
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/parity-double",
      "x-github-event": event,
      "x-github-delivery": options.deliveryId ?? randomUUID(),
      "x-github-hook-id": String(options.hookId ?? 1),
      "x-hub-signature-256": signWebhook(secret, body),
    },
  };
}
