import type { Check } from "../types";
import { HISTORY_CHECKS } from "./history";
import { TOOLS_CHECKS } from "./tools";

export { HISTORY_CHECKS } from "./history";
export { TOOLS_CHECKS } from "./tools";

export const ALL_CHECKS: Check[] = [...TOOLS_CHECKS, ...HISTORY_CHECKS];

export function checkById(id: string): Check | undefined {
  return ALL_CHECKS.find((check) => check.id === id);
}
