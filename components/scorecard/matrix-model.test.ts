import { describe, expect, it } from "vitest";
import { checkoutReport } from "../__fixtures__/checkout-report";
import { buildMatrixView } from "./matrix-model";

describe("buildMatrixView", () => {
  const view = buildMatrixView(checkoutReport, "https://github.com");

  it("keeps the engine's rows and columns", () => {
    expect(view.environments).toEqual(["dev", "ci", "prod"]);
    expect(view.rows.map((row) => row.label)).toEqual(["database", "cache", "runtime: Node.js"]);
  });

  it("flags cells that differ from production, not empty or matching ones", () => {
    const flags = Object.fromEntries(
      view.rows.map((row) => [row.label, row.cells.map((cell) => `${cell.environment}:${cell.drift}`)]),
    );
    expect(flags).toEqual({
      database: ["dev:true", "ci:true", "prod:false"],
      cache: ["dev:false", "ci:false", "prod:false"],
      "runtime: Node.js": ["dev:false", "ci:false", "prod:false"],
    });
  });

  it("links every filled cell to its file and line at the audited commit", () => {
    const database = view.rows[0];
    expect(database?.cells[2]?.uses).toEqual([
      {
        file: "infra/rds.tf",
        line: 12,
        raw: "postgres",
        href: `https://github.com/acme/checkout/blob/${checkoutReport.commit}/infra/rds.tf#L12`,
      },
    ]);
    expect(view.rows[1]?.cells[0]).toMatchObject({ text: "—", uses: [] });
  });

  it("does not call an unknown version a difference", () => {
    const report = {
      ...checkoutReport,
      inventory: checkoutReport.inventory.map((use) =>
        use.environment === "ci" && use.kind === "database" ? { ...use, version: "16" } : use,
      ),
    };
    const ci = buildMatrixView(report, "https://github.com").rows[0]?.cells[1];
    expect(ci?.drift).toBe(false);
    const unknown = buildMatrixView(
      {
        ...report,
        inventory: report.inventory.map((use) => (use.environment === "ci" ? { ...use, version: null } : use)),
      },
      "https://github.com",
    ).rows[0]?.cells[1];
    expect(unknown?.drift).toBe(false);
  });

  it("never flags a stated minimum or a documented version as drift: they run nowhere", () => {
    const stated = checkoutReport.inventory.map((use) =>
      use.environment === "dev" && use.kind === "runtime" ? { ...use, version: "18", name: "minimum" } : use,
    );
    const node = (inventory: typeof stated) =>
      buildMatrixView({ ...checkoutReport, inventory }, "https://github.com").rows.find(
        (row) => row.label === "runtime: Node.js",
      );
    expect(node(stated)?.cells[0]).toMatchObject({ text: "Node.js >= 18 (minimum)", drift: false });
    const running = stated.map((use) => (use.name === "minimum" ? { ...use, name: undefined } : use));
    expect(node(running)?.cells[0]?.drift).toBe(true);
  });
});
