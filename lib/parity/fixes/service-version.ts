import { moveToProd } from "./toward-prod";
import type { Planner } from "./types";

/**
 * service-version: the compose, CI and test-container images that run another major than prod
 * move to prod's (`postgres:14-alpine` -> `postgres:16-alpine`, the variant kept). Findings where
 * prod names no version (dev and CI drifting apart, an unpinned managed service) get no plan:
 * which version is right is not written anywhere.
 */
export const planServiceVersion: Planner = (context) => moveToProd(context);
