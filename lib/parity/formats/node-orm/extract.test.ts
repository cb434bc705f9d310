import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractContext, ExtractedUse } from "../../types";
import { nodeOrmFormat as nodeOrm } from "./index";

const ctx: ExtractContext = { paths: [], readFile: () => undefined };

function run(fixture: string, path = fixture) {
  const content = readFileSync(join(__dirname, "__fixtures__", fixture), "utf8");
  return nodeOrm.extract({ path, content }, ctx);
}

function facts(uses: ExtractedUse[]) {
  return uses.map((u) => [u.environment, u.engine, u.line, u.via]);
}

describe("node-orm", () => {
  it("reads the Prisma datasource provider, which holds everywhere (dev and prod)", () => {
    const { uses } = run("prisma/schema.prisma");
    expect(facts(uses)).toEqual([
      ["dev", "postgres", 7, "setting"],
      ["prod", "postgres", 7, "setting"],
    ]);
    expect(uses[0]?.raw).toBe('provider = "postgresql"');
  });

  it("reads Sequelize dialects per environment with JSON AST lines", () => {
    const { uses, problems } = run("sequelize/config/config.json");
    expect(problems).toEqual([]);
    expect(facts(uses)).toEqual([
      ["dev", "sqlite", 3, "adapter"],
      ["test", "sqlite", 8, "adapter"],
      ["prod", "postgres", 13, "adapter"],
    ]);
  });

  it("reads knexfile clients per block, skipping commented ones", () => {
    const { uses } = run("knex/knexfile.ts.txt", "knex/knexfile.ts");
    expect(facts(uses)).toEqual([
      ["dev", "sqlite", 6, "adapter"],
      ["staging", "postgres", 12, "adapter"],
      ["prod", "postgres", 19, "adapter"],
    ]);
    expect(uses.map((u) => u.name)).toEqual(["development", "staging", "production"]);
  });

  it("reads the Drizzle dialect and notes PGlite as an embedded Postgres", () => {
    const { uses } = run("drizzle/drizzle.config.ts.txt", "drizzle/drizzle.config.ts");
    expect(facts(uses)).toEqual([
      ["dev", "postgres", 6, "adapter"],
      ["prod", "postgres", 6, "adapter"],
    ]);
    expect(uses[0]?.emulator).toBe("pglite");
  });

  it("reads a TypeORM data source", () => {
    expect(facts(run("typeorm/src/data-source.ts.txt", "typeorm/src/data-source.ts").uses)).toEqual([
      ["dev", "postgres", 6, "adapter"],
      ["prod", "postgres", 6, "adapter"],
    ]);
  });

  it.each([
    ['  dialect: "mysql",', "mysql"],
    ['  dialect: "sqlite",', "sqlite"],
    ['  driver: "turso",', "sqlite"],
  ])("reads drizzle %s", (line, engine) => {
    const { uses } = nodeOrm.extract({ path: "drizzle.config.ts", content: `export default {\n${line}\n};\n` }, ctx);
    expect(facts(uses)).toEqual([
      ["dev", engine, 2, "adapter"],
      ["prod", engine, 2, "adapter"],
    ]);
  });

  it("reports invalid JSON with its line instead of throwing", () => {
    const { problems } = nodeOrm.extract(
      { path: "config/config.json", content: '{\n  "development": {\n    "dialect": \n}' },
      ctx,
    );
    expect(problems[0]?.type).toBe("parse-error");
    expect(problems[0]?.line).toBe(4);
  });
});

describe("node-orm ormconfig.json", () => {
  it("reads a TypeORM type from valid JSON and reports invalid JSON", () => {
    const valid = nodeOrm.extract(
      { path: "ormconfig.json", content: '{\n  "type": "better-sqlite3",\n  "database": "db.sqlite"\n}\n' },
      ctx,
    );
    expect(facts(valid.uses)).toEqual([
      ["dev", "sqlite", 2, "adapter"],
      ["prod", "sqlite", 2, "adapter"],
    ]);
    const invalid = nodeOrm.extract({ path: "ormconfig.json", content: '{\n  "type": "postgres",,\n' }, ctx);
    expect(invalid.uses).toEqual([]);
    expect(invalid.problems[0]?.type).toBe("parse-error");
  });
});
