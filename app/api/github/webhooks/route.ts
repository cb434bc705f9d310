import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors/index";
import { apiContext } from "@/lib/http/context";
import { localModeRefusal } from "@/lib/security/local-access";
import { processDispatcher } from "@/lib/webhooks/dispatch";
import { receiveWebhook } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GitHub App webhooks: verified on the raw body, recorded, answered 202, worked in a job. */
export async function POST(request: Request): Promise<Response> {
  // This route is outside the proxy's matcher (its body must not be buffered for it), so local
  // mode's "this machine only" is checked here.
  const refusal = localModeRefusal(env(), request.headers);
  if (refusal) return errorResponse(refusal);
  const context = apiContext();
  return receiveWebhook(request, {
    secret: env().GITHUB_WEBHOOK_SECRET,
    db: context.db,
    dispatch: processDispatcher(context.boss),
  });
}
