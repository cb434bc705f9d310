import type { ExtractContext, ExtractResult, FormatFile } from "../../types";
import { placeEverywhere } from "./engines";
import { readBlocks, readDrizzle, readJsonBlocks, readPrisma, readSequelizeJson } from "./readers";

const KNEX_CLIENT = /\bclient\s*:\s*["']([\w-]+)["']/;
const SEQUELIZE_DIALECT = /\bdialect\s*:\s*["']([\w-]+)["']/;
const TYPEORM_TYPE = /["']?\btype["']?\s*:\s*["']([\w-]+)["']/;

function extractFile(file: FormatFile): ExtractResult {
  try {
    const base = file.path.slice(file.path.lastIndexOf("/") + 1);
    if (base.endsWith(".prisma")) return readPrisma(file.content);
    if (base.startsWith("knexfile.")) return readBlocks(file.content, KNEX_CLIENT);
    if (base.startsWith("drizzle.config.")) return readDrizzle(file.content);
    if (/^(config|database)\.json$/.test(base)) return readSequelizeJson(file.content);
    if (/^(config|database)\.c?js$/.test(base)) return readBlocks(file.content, SEQUELIZE_DIALECT);
    if (base.endsWith(".json")) return readJsonBlocks(file.content, TYPEORM_TYPE);
    return readBlocks(file.content, TYPEORM_TYPE);
  } catch (error) {
    return {
      uses: [],
      problems: [
        { type: "parse-error", line: 1, message: `could not read ORM config: ${String(error).slice(0, 120)}` },
      ],
    };
  }
}

/** Reads one file on its own: ORM configs name their driver in the file itself. */
export function extractNodeOrm(file: FormatFile, _ctx?: ExtractContext): ExtractResult {
  const result = extractFile(file);
  return { ...result, uses: placeEverywhere(result.uses) };
}
