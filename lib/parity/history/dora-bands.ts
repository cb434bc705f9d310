/**
 * DORA deployment-frequency bands. Bands move between reports, so every score stores the id of
 * the table it used (`bandTable` in the metrics).
 *
 * Source: DORA, "Accelerate State of DevOps Report 2023" (dora.dev), deployment frequency:
 * elite "on demand (multiple deploys per day)", high "between once per day and once per week",
 * medium "between once per week and once per month", low "fewer than once per month".
 *
 * Parity counts deploy-days, not deploys (twenty deploys in one afternoon are one day of
 * shipping), so the bands are restated in deploy-days per week: "on demand" is read as shipping
 * on (nearly) every working day.
 */

export type DoraBand = "elite" | "high" | "medium" | "low";

export interface DoraBandTable {
  id: string;
  source: string;
  /** Highest band first: the first band whose minimum the rate reaches applies. */
  bands: readonly { band: DoraBand; minDeployDaysPerWeek: number; description: string }[];
}

export const DORA_BANDS_2023 = {
  id: "dora-2023",
  source: "DORA Accelerate State of DevOps Report 2023, deployment frequency",
  bands: [
    { band: "elite", minDeployDaysPerWeek: 5, description: "on demand (multiple deploys per day)" },
    { band: "high", minDeployDaysPerWeek: 1, description: "between once per day and once per week" },
    { band: "medium", minDeployDaysPerWeek: 12 / 52, description: "between once per week and once per month" },
    { band: "low", minDeployDaysPerWeek: 0, description: "fewer than once per month" },
  ],
} as const satisfies DoraBandTable;

export function doraBand(deployDaysPerWeek: number, table: DoraBandTable = DORA_BANDS_2023): DoraBand {
  for (const entry of table.bands) {
    if (deployDaysPerWeek >= entry.minDeployDaysPerWeek) return entry.band;
  }
  return "low";
}
