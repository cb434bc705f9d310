import type { Format } from "../types";

/**
 * The formats registry: adding a format is adding a folder under lib/parity/formats/ and one
 * line here. Order does not matter: a path may be claimed by several formats.
 */
export const FORMATS: readonly Format[] = [];
