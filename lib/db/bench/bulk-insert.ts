import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client";

/**
 * A COPY-like insert that runs the same on PGlite and PostgreSQL: the rows travel as ONE jsonb
 * parameter and the server unpacks them with `jsonb_to_recordset`. Binding 25 parameters per
 * row (drizzle's `values()`) costs most of a seed's time in JavaScript and hits the 65,535
 * parameter limit at ~2,500 rows; one parameter per statement does neither. Indexes and
 * constraints stay in place, so the seeded database is exactly what the app would have written.
 */
export async function bulkInsert<T extends PgTable>(
  db: Pick<Database, "execute">,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  // Only the keys the rows set: the others take their column defaults (serial ids, flags).
  const keys = Object.keys(first).filter((key) => key in columns);
  const names: string[] = [];
  const types: string[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) continue;
    names.push(`"${column.name}"`);
    types.push(`"${column.name}" ${recordType(column.getSQLType())}`);
  }
  const payload = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const key of keys) {
      const column = columns[key];
      const value = (row as Record<string, unknown>)[key];
      if (column) record[column.name] = value === undefined ? null : value;
    }
    return record;
  });
  const list = sql.raw(names.join(", "));
  await db.execute(
    sql`insert into ${sql.identifier(getTableName(table))} (${list}) select ${list} from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(${sql.raw(types.join(", "))})`,
  );
}

/** `serial` is a column default, not a type a record can be declared with. */
function recordType(sqlType: string): string {
  return sqlType === "serial" ? "integer" : sqlType;
}

/** Moves a serial column's sequence past explicitly inserted ids. */
export async function syncSequence(db: Pick<Database, "execute">, table: string): Promise<void> {
  await db.execute(
    sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.identifier(table)}), 0) + 1, false)`,
  );
}
