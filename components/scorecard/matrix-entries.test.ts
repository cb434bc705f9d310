import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Report, ServiceUse } from "@/lib/parity/types";
import { checkoutReport } from "../__fixtures__/checkout-report";
import { buildMatrixView } from "./matrix-model";
import { ServiceMatrix } from "./service-matrix";

function use(partial: Partial<ServiceUse> & Pick<ServiceUse, "environment" | "kind" | "engine" | "file" | "line">) {
  return {
    version: null,
    pinned: null,
    raw: partial.engine,
    via: "adapter",
    format: "rails",
    ...partial,
  } as ServiceUse;
}

/** A Rails app: settings name the engine, Terraform its version; dev's cache is in-memory, with a REDIS_URL example. */
const report: Pick<Report, "inventory" | "repository" | "commit"> = {
  ...checkoutReport,
  inventory: [
    use({
      environment: "dev",
      kind: "cache",
      engine: "in-memory",
      file: "config/environments/development.rb",
      line: 4,
    }),
    use({ environment: "dev", kind: "cache", engine: "redis", file: ".env.example", line: 2, via: "url" }),
    use({ environment: "prod", kind: "database", engine: "postgres", file: "config/database.yml", line: 15 }),
    use({ environment: "prod", kind: "database", engine: "postgres", version: "16", file: "infra/main.tf", line: 13 }),
    use({ environment: "prod", kind: "cache", engine: "redis", file: "config/environments/production.rb", line: 6 }),
    use({ environment: "prod", kind: "cache", engine: "redis", version: "7", file: "infra/main.tf", line: 23 }),
    use({ environment: "dev", kind: "runtime", engine: "node", version: "20", file: ".nvmrc", line: 1, pinned: true }),
    use({
      environment: "dev",
      kind: "runtime",
      engine: "node",
      version: "20",
      file: "Dockerfile.dev",
      line: 1,
      pinned: false,
    }),
    use({ environment: "dev", kind: "database", engine: "postgres", version: "15", file: "compose.yaml", line: 3 }),
    use({ environment: "dev", kind: "database", engine: "postgres", version: "16", file: "compose.ci.yaml", line: 3 }),
  ],
};
const cells = Object.fromEntries(
  buildMatrixView(report, "https://github.com").rows.flatMap((row) =>
    row.cells.map((cell) => [`${row.label}/${cell.environment}`, cell]),
  ),
);

describe("one entry per service per environment", () => {
  it("merges a file naming the engine with one naming its version", () => {
    expect(cells["database/prod"]).toMatchObject({ text: "PostgreSQL 16", alternatives: [] });
    expect(cells["database/prod"]?.uses.map((u) => `${u.file}:${u.line}`)).toEqual([
      "infra/main.tf:13",
      "config/database.yml:15",
    ]);
    expect(cells["cache/prod"]).toMatchObject({ text: "Redis 7", alternatives: [] });
  });

  it("does not call a runtime unpinned when another file pins the same version", () => {
    expect(cells["runtime: Node.js/dev"]).toMatchObject({ text: "Node.js 20", alternatives: [] });
  });

  it("shows the option that differs from production and folds the others as alternatives", () => {
    const cache = cells["cache/dev"];
    expect(cache).toMatchObject({ text: "in-memory", drift: true });
    expect(cache?.alternatives).toEqual([
      { label: "Redis", uses: [expect.objectContaining({ file: ".env.example", line: 2 })] },
    ]);
    // Two versions of one engine are two options too; the one production does not run is shown.
    expect(cells["database/dev"]).toMatchObject({ text: "PostgreSQL 15", drift: true });
    expect(cells["database/dev"]?.alternatives.map((entry) => entry.label)).toEqual(["PostgreSQL 16"]);
  });
});

describe("the matrix card", () => {
  it("folds alternatives behind a disclosure that says what they are", () => {
    const html = renderToStaticMarkup(createElement(ServiceMatrix, buildMatrixView(report, "https://github.com")));
    expect(html).not.toMatch(/in-memory, Redis|PostgreSQL, PostgreSQL 16/);
    expect(html).toMatch(/<details[^>]*><summary[^>]*title="Also named for dev: Redis\. Configuration picks one\."/);
    expect(html).toContain("1 alternative</summary>");
    expect(html).toContain("which one runs depends on");
  });
});
