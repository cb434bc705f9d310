import { addToDevCompose } from "./compose-services";
import type { Planner } from "./types";

/**
 * service-missing-in-dev: prod's cache, broker or storage server added to the dev compose file at
 * prod's version, with a health check and its URL in `.env.example`. Cloud services (S3, SQS,
 * GCS, Azure Blob) need an emulator pinned to a release: no plan, with the emulator to use.
 */
export const planServiceMissingInDev: Planner = (context) => addToDevCompose(context);
