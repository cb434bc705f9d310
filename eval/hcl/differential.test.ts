import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { compareWithJson, differential } from "./differential";

/** Every .tf file of the engine's fixtures (including the language reference's forms). */
function tfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : tfFiles(path);
    return /\.(tf|tfvars)$/.test(entry.name) ? [path] : [];
  });
}

const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = tfFiles(join(ROOT, "lib/parity")).map((path) => relative(ROOT, path));

describe("HCL: Parity reads what HashiCorp's parser reads", () => {
  it("has fixtures to compare, including every expression form of the language reference", () => {
    expect(FIXTURES).toContain("lib/parity/formats/terraform/__fixtures__/language/expressions.tf");
    expect(FIXTURES.length).toBeGreaterThan(5);
  });

  it.each(FIXTURES)("%s", async (path) => {
    const result = await differential(path, readFileSync(join(ROOT, path), "utf8"));
    if (path.endsWith("broken.tf")) {
      expect(result.accepted).toBe(false);
      return;
    }
    expect(result.accepted).toBe(true);
    expect(result.disagreements).toEqual([]);
  });

  it.each([
    ["a call inside an object", "x = { k = f(x) }\n"],
    ["an index inside an object", "x = { k = m.x[0].id }\n"],
    ["optional() in an object type", 'variable "a" {\n  type = object({ a = optional(string) })\n}\n'],
    ["a one-line nested block", 'provider "aws" {\n  default_tags { tags = { a = "b" } }\n}\n'],
  ])("agrees on %s", async (_name, source) => {
    const result = await differential("case.tf", source);
    expect(result).toEqual({ accepted: true, disagreements: [] });
  });

  it("reports a disagreement when a value or a block differs (the comparison can fail)", () => {
    const source = 'x = "16"\nresource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n';
    const theirs = { x: "16", resource: { aws_db_instance: { db: [{ engine: "postgres" }] } } };
    expect(compareWithJson("case.tf", source, theirs)).toEqual([]);
    expect(compareWithJson("case.tf", source, { ...theirs, x: "15" })).toEqual([
      'case.tf.x: Parity reads "16", HashiCorp "15"',
    ]);
    expect(compareWithJson("case.tf", source, { x: "16", resource: {} })).toEqual([
      "case.tf.resource.aws_db_instance.db[0]: block missing in HashiCorp's reading",
    ]);
  });
});
