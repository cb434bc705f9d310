import { type HistoryContext, type WindowLabel, windowOrAll } from "./context";
import { round2 } from "./time";

export interface AutomationMetrics {
  /** Automatic / (automatic + manual); null when no deploy says how it started. */
  automaticShare: number | null;
  automatic: number;
  manual: number;
  unknownTrigger: number;
  window: WindowLabel;
}

/** Continuous deployment: the share of production deploys that a push or merge started. */
export function deployAutomation(ctx: HistoryContext): AutomationMetrics {
  const { items, window } = windowOrAll(ctx.deploys, (d) => d.at, ctx.now);
  const automatic = items.filter((d) => d.trigger === "automatic").length;
  const manual = items.filter((d) => d.trigger === "manual").length;
  const known = automatic + manual;
  return {
    automaticShare: known === 0 ? null : round2(automatic / known),
    automatic,
    manual,
    unknownTrigger: items.length - known,
    window,
  };
}
