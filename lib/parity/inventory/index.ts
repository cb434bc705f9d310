export { classifyByRules, classifyPath, configuredEnvironments, isIgnoredPath } from "../classify";
export { buildInventory } from "./build";
export { MAX_FILE_BYTES, prepareContent } from "./prepare";
