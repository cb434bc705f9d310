/** The service catalog: image and engine names to kind and engine, aliases, emulators. */
export { ENGINES, engineGranularity, engineLabel, isEmbeddedEngine, type EngineId } from "./engines";
export { parseImageRef, resolveImage, type ImageService, type ParsedImage } from "./images";
export { resolveUrlScheme } from "./urls";
export { normalizeVersion, versionDistance } from "./versions";
