import type { Check, CheckInput, CheckOutcome, Environment } from "../types";
import { compareEngines } from "./compare-engines";
import { NON_PROD, outcome } from "./shared";

/** CI's database is ci-services' subject (a Silver requirement): checking it here too would
 *  report one difference twice and make Bronze demand what Silver asks for. */
const ENVIRONMENTS: readonly Environment[] = ["dev", "test", "staging"];

/**
 * Prod's database against dev, test and staging. A prod database whose counterpart could not be
 * read anywhere is `unknown` (a level needs evidence), and so is a database the other environments
 * run while prod declares none; without a prod database, dev is also compared with test, CI and
 * staging (ci-services has nothing to compare then), one step lower.
 */
function run({ inventory }: CheckInput): CheckOutcome {
  const { findings, compared, unknown } = compareEngines(inventory, "database", ENVIRONMENTS, {
    whenProdSilent: NON_PROD,
    unknownWhenProdUnread: true,
  });
  return outcome({
    findings,
    defaultSeverity: "high",
    compared,
    unknown,
    passSummary: "same database engine in dev, test and prod",
    notApplicableSummary: "no production database found",
  });
}

export const dbEngine = {
  id: "db-engine",
  gap: "tools",
  severity: "high",
  level: "bronze",
  title: "Same database engine in dev, test and prod",
  rationale:
    "An ORM hides most engine differences, not all of them. SQLite compares strings case-insensitively " +
    'for LIKE, so a search for "john" finds "John" locally and nothing on PostgreSQL; it does not ' +
    "enforce VARCHAR lengths, so 1000 characters fit in a VARCHAR(50) until production rejects them. " +
    "Date handling, JSON operators and transaction isolation differ; SQLite locks the whole file on " +
    "writes where PostgreSQL locks rows; window functions, CTEs, concurrent index creation and " +
    "column type changes in migrations behave differently or not at all. H2 and in-memory databases " +
    "emulate a dialect only partly. Tests that pass against the stand-in prove little about production.",
  remediation:
    "Run the production engine locally and in tests: add it to the compose file (e.g. `image: postgres:16`) " +
    "and point DATABASE_URL at it in every environment; drop the SQLite/H2 fallback from settings.",
  run,
} satisfies Check;
