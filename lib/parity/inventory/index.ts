export { buildInventory } from "./build";
export { classifyByRules, classifyPath, configuredEnvironments, isIgnoredPath } from "./classify";
export { MAX_FILE_BYTES, prepareContent } from "./prepare";
