export { toJson } from "./json";
export { toMarkdown } from "./markdown";
export { buildMatrix, type Matrix, type MatrixRow } from "./matrix";
export type { RenderOptions } from "./meta";
export { SARIF_SCHEMA_URI, toSarif } from "./sarif";
export { type TextOptions, toText } from "./text";
