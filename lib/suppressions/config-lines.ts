import { isMap, isSeq, parseDocument, stringify } from "yaml";
import type { Finding, Suppression } from "../parity/types";

/**
 * The `.parity.yml` lines that suppress or accept one finding (docs/parity-model.md §5): an entry
 * under `suppress:` naming the check and the finding's fingerprint (exactly that finding, and it
 * stays matched while the problem is the same), with the reason the team gave. The engine reads
 * the file at the next audit; until then the suppression is pending.
 */

export const CONFIG_FILE = ".parity.yml";

/** Suppress: not a problem for this repository. Accept: a real difference the team keeps. */
export const SUPPRESSION_KINDS = ["suppress", "accept"] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];

export const MAX_REASON_LENGTH = 500;

/** The reason as written to the file: one line, an accepted risk says so. */
export function reasonText(kind: SuppressionKind, reason: string): string {
  const oneLine = reason.replace(/\s+/g, " ").trim();
  return kind === "accept" ? `Accepted risk: ${oneLine}` : oneLine;
}

export function suppressionEntry(
  finding: Pick<Finding, "check" | "fingerprint">,
  kind: SuppressionKind,
  reason: string,
): Suppression {
  return { check: finding.check, fingerprint: finding.fingerprint, reason: reasonText(kind, reason) };
}

function entryObject(entry: Suppression): Record<string, string> {
  // Key order as docs/parity-model.md writes it; optional keys only when set.
  const object: Record<string, string> = { check: entry.check };
  if (entry.service) object.service = entry.service;
  if (entry.environment) object.environment = entry.environment;
  if (entry.fingerprint) object.fingerprint = entry.fingerprint;
  object.reason = entry.reason;
  return object;
}

/** The lines to paste: `suppress:` and the entry, YAML-quoted wherever the reason needs it. */
export function suppressionLines(entry: Suppression): string {
  return stringify({ suppress: [entryObject(entry)] }, { lineWidth: 0 });
}

/**
 * The whole file with the entry added: appended to an existing `suppress:` list, or a `suppress:`
 * key added, keeping the rest of the file (and its comments) as it was. Null when the existing
 * file is not YAML the engine would read (the lines are then for a person to place).
 */
export function withSuppression(existing: string | null, entry: Suppression): string | null {
  if (existing === null || existing.trim() === "") return suppressionLines(entry);
  const document = parseDocument(existing, { uniqueKeys: true });
  if (document.errors.length > 0) return null;
  if (document.contents === null) return suppressionLines(entry);
  if (!isMap(document.contents)) return null;
  const list = document.get("suppress", true);
  if (list === undefined || list === null) {
    document.set("suppress", document.createNode([entryObject(entry)]));
  } else if (isSeq(list)) {
    list.add(document.createNode(entryObject(entry)));
  } else {
    return null;
  }
  return document.toString({ lineWidth: 0 });
}
