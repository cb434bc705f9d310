/**
 * The engine's public entry: `audit(snapshot, config, now)` and what callers need around it.
 * Renderers here come bound to the checks registry's metadata (rationale, remediation).
 *
 * Why this folder: lib/parity's root files are the engine's bottom (types, redact, glob, plural,
 * scrub, version...), imported by nearly every format and check. The files that assemble the engine
 * from its subfolders (this façade, the audit, its core and the score) live here instead, so that
 * imports between the engine's folders only point down and never form a loop (lib/floors.test.ts).
 */
import { ALL_CHECKS } from "../checks/index";
import {
  type RenderOptions,
  toMarkdown as renderMarkdown,
  toSarif as renderSarif,
  toText as renderText,
  type TextOptions,
} from "../report/index";
import type { Report } from "../types";

export { type CheckMeta, PARSE_ERROR_CHECK } from "../check-meta";
export {
  CONFIG_PATHS,
  type ConfigProblem,
  defaultConfig,
  isProductionEnvironment,
  type ParsedConfig,
  parseConfig,
} from "../config/index";
export { fingerprint } from "../fingerprint";
export { FORMATS } from "../formats/index";
export { claimedPaths, formatsFor } from "../formats/registry";
export { buildInventory, classifyPath } from "../inventory/index";
export { buildMatrix, type Matrix, type MatrixRow, toJson } from "../report/index";
export type * from "../types";
export { ENVIRONMENTS, GAPS, LEVELS, SERVICE_KINDS, SEVERITIES } from "../types";
export { ENGINE_VERSION } from "../version";
export { type AuditOptions, audit } from "./audit";
export type { RenderOptions, TextOptions };

export function toSarif(report: Report, options: RenderOptions = {}): string {
  return renderSarif(report, { checks: ALL_CHECKS, ...options });
}

export function toMarkdown(report: Report, options: RenderOptions = {}): string {
  return renderMarkdown(report, { checks: ALL_CHECKS, ...options });
}

export function toText(report: Report, options: TextOptions): string {
  return renderText(report, { checks: ALL_CHECKS, ...options });
}
