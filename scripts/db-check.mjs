#!/usr/bin/env node
/**
 * Fails when lib/db/schema.ts and the migrations in drizzle/ drift apart: drizzle-kit generates
 * into a scratch copy of drizzle/, and any new migration there means the schema changed without
 * one being generated (`npm run db:generate`). Also runs `drizzle-kit check` for consistency.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// drizzle-kit resolves paths relative to the working directory: keep the scratch copy inside it.
mkdirSync(path.join(root, ".data"), { recursive: true });
const scratch = mkdtempSync(path.join(root, ".data", "drift-"));
const out = path.join(scratch, "drizzle");
cpSync(path.join(root, "drizzle"), out, { recursive: true });
const config = path.join(scratch, "drizzle.config.mjs");
writeFileSync(
  config,
  `export default { dialect: "postgresql", schema: "./lib/db/schema.ts", out: ${JSON.stringify(`./${path.relative(root, out)}`)} };\n`,
);
const kit = path.join(root, "node_modules", ".bin", "drizzle-kit");
const before = readdirSync(out).filter((f) => f.endsWith(".sql")).length;
const generate = spawnSync(kit, ["generate", "--config", config, "--name", "drift"], { cwd: root, encoding: "utf8" });
const after = readdirSync(out).filter((f) => f.endsWith(".sql")).length;
const check = spawnSync(kit, ["check", "--config", config], { cwd: root, encoding: "utf8" });
rmSync(scratch, { recursive: true, force: true });

if (generate.status !== 0 || check.status !== 0) {
  console.error(generate.stderr || generate.stdout, check.stderr || check.stdout);
  console.error("schema drift check: drizzle-kit failed");
  process.exit(1);
}
if (after !== before) {
  console.error(
    "schema drift: lib/db/schema.ts has changes without a migration. Run `npm run db:generate` and commit drizzle/.",
  );
  process.exit(1);
}
console.log("schema drift check: lib/db/schema.ts and drizzle/ agree");
