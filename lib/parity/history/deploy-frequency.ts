import type { HistoryContext } from "./context";
import { DORA_BANDS_2023, type DoraBand, doraBand } from "./dora-bands";
import { inWindow, round2, utcDay, WINDOW_DAYS } from "./time";

export interface DeployFrequencyMetrics {
  /** Distinct UTC days with a production deploy, per week, over the last 90 days. */
  deployDaysPerWeek: number;
  deployDays: number;
  deploysInWindow: number;
  band: DoraBand;
  bandTable: string;
}

/** Deploy-days, not deploys: three deploys on one day (a fix, its fix, a revert) are one day. */
export function deployFrequency(ctx: HistoryContext): DeployFrequencyMetrics {
  const recent = ctx.deploys.filter((d) => inWindow(d.at, ctx.now));
  const days = new Set(recent.map((d) => utcDay(d.at)));
  const perWeek = days.size / (WINDOW_DAYS / 7);
  return {
    deployDaysPerWeek: round2(perWeek),
    deployDays: days.size,
    deploysInWindow: recent.length,
    band: doraBand(perWeek),
    bandTable: DORA_BANDS_2023.id,
  };
}
