import type { Level } from "../parity/types";

/**
 * A shields.io-style flat badge: `parity | Gold · 82`. Widths come from an average glyph width
 * (Verdana 11px, as shields uses), good enough for a label this short.
 */

const COLOURS: Record<Level | "none" | "unknown", string> = {
  gold: "#b08800",
  silver: "#6a737d",
  bronze: "#a0522d",
  none: "#cb2431",
  unknown: "#9f9f9f",
};

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

function textWidth(text: string): number {
  return Math.round(text.length * 6.5 + 10);
}

export interface BadgeInput {
  /** null: audited, no level reached ("Not yet"); undefined: never audited. */
  level: Level | null | undefined;
  score: number | null | undefined;
  label?: string;
}

export function badgeText(input: BadgeInput): string {
  if (input.level === undefined) return "not audited";
  const word = input.level ? input.level[0]?.toUpperCase() + input.level.slice(1) : "Not yet";
  return input.score === null || input.score === undefined ? word : `${word} · ${Math.round(input.score)}`;
}

export function renderBadge(input: BadgeInput): string {
  const label = escapeXml(input.label ?? "parity");
  const message = escapeXml(badgeText(input));
  const colour = COLOURS[input.level === undefined ? "unknown" : (input.level ?? "none")];
  const left = textWidth(input.label ?? "parity");
  const right = textWidth(badgeText(input));
  const width = left + right;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${label}: ${message}">
<title>${label}: ${message}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${colour}"/><rect width="${width}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${left / 2}" y="14">${label}</text><text x="${left + right / 2}" y="14">${message}</text>
</g>
</svg>
`;
}
