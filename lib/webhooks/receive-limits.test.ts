import { describe, expect, it, vi } from "vitest";
import { receiveWebhook } from "./receive";

/** The webhook route's body handling before anything is verified or recorded. */

const SECRET = "limits-test-secret-0123456789";

function deps() {
  const db = vi.fn(async () => {
    throw new Error("the database must not be reached");
  });
  return { secret: SECRET, db, dispatch: { pull: vi.fn(), delivery: vi.fn() } as never, maxBytes: 1000 };
}

function streamed(chunks: number, fail: boolean): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) {
        if (fail) controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
        else controller.close();
        return;
      }
      sent += 1;
      controller.enqueue(new Uint8Array(300).fill(32));
    },
  });
}

function request(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request("http://parity.test/api/github/webhooks", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("webhook bodies", () => {
  it("answers an upload the sender aborted with 400 instead of throwing (nothing to log)", async () => {
    const response = await receiveWebhook(request(streamed(2, true)), deps());
    expect(response.status).toBe(400);
  });

  it("answers 413 to a declared or streamed body over the cap", async () => {
    expect((await receiveWebhook(request(streamed(1, false), { "content-length": "5000" }), deps())).status).toBe(413);
    expect((await receiveWebhook(request(streamed(10, false)), deps())).status).toBe(413);
  });
});
