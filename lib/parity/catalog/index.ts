/** The service catalog: image and engine names to kind and engine, aliases, emulators. */
export { ENGINES, type EngineId, engineGranularity, engineLabel, isEmbeddedEngine } from "./engines";
export { imageName, type TagState, tagState } from "./image-tags";
export { type ImageService, type ParsedImage, parseImageRef, resolveImage } from "./images";
export { NODE_LTS } from "./node-lts";
export { resolveUrlScheme } from "./urls";
export { normalizeVersion, versionDistance } from "./versions";
