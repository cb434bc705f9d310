import { defineConfig } from "drizzle-kit";

// Generation only needs the schema: no database connection, so no credentials here.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
