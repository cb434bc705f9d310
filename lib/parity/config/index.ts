export { CONFIG_KEYS, DEFAULT_PRODUCTION, defaultConfig } from "./defaults";
export { type ConfigProblem, type ParsedConfig, parseConfig } from "./parse";
export { CONFIG_PATHS } from "./paths";
export { isProductionEnvironment } from "./production";
