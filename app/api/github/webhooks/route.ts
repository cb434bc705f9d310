import { env } from "@/lib/env";
import { apiContext } from "@/lib/http/context";
import { processDispatcher } from "@/lib/webhooks/dispatch";
import { receiveWebhook } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GitHub App webhooks: verified on the raw body, recorded, answered 202, worked in a job. */
export async function POST(request: Request): Promise<Response> {
  const context = apiContext();
  return receiveWebhook(request, {
    secret: env().GITHUB_WEBHOOK_SECRET,
    db: context.db,
    dispatch: processDispatcher(context.boss),
  });
}
