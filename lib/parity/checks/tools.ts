import type { Check } from "../types";
import { caseCollision } from "./case-collision";
import { ciServices } from "./ci-services";
import { dbEngine } from "./db-engine";
import { devEnvironment } from "./dev-environment";
import { envConfig } from "./env-config";
import { runtimeVersion } from "./runtime-version";
import { serviceEngine } from "./service-engine";
import { serviceMissingInDev } from "./service-missing-in-dev";
import { serviceVersion } from "./service-version";
import { unpinnedImage } from "./unpinned-image";

/** The tools-gap checks, in the order the scorecard lists them (by level, then severity). */
export const TOOLS_CHECKS: Check[] = [
  devEnvironment,
  envConfig,
  dbEngine,
  serviceEngine,
  serviceMissingInDev,
  ciServices,
  serviceVersion,
  unpinnedImage,
  runtimeVersion,
  caseCollision,
];
