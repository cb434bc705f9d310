import type { Format } from "../../types";
import { extractNodeOrm } from "./extract";

/** Node ORMs: Prisma datasource, Sequelize config, knexfile, drizzle.config, TypeORM data sources. */
export const nodeOrmFormat = {
  id: "node-orm",
  title: "Node.js ORM configuration",
  patterns: [
    "**/*.prisma",
    "**/knexfile.{js,cjs,mjs,ts}",
    "**/drizzle.config.{ts,js,mjs,cjs}",
    "**/config/{config,database}.{json,js,cjs}",
    "**/ormconfig.{json,js,ts}",
    "**/{data-source,datasource,*.data-source,*-data-source}.{ts,js}",
  ],
  extract: extractNodeOrm,
} satisfies Format;
