import { parse as hashicorpParse } from "@cdktf/hcl2json";
import {
  evaluateValue,
  type HclBlock,
  type HclFile,
  type HclValue,
  parseHcl,
} from "../../lib/parity/formats/terraform/hcl";

/**
 * Parity's HCL parser held to HashiCorp's (`@cdktf/hcl2json`: HCL v2 compiled to WebAssembly,
 * a dev dependency only). For a file HashiCorp accepts, Parity must report no syntax problem,
 * see the same blocks and attributes, and give every value it can evaluate without a scope the
 * same value as HashiCorp's JSON (which writes expressions it does not evaluate as "${…}").
 */

export interface Differential {
  /** False when HashiCorp's parser rejects the file: nothing to compare. */
  accepted: boolean;
  /** Empty when Parity agrees. */
  disagreements: string[];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NO_SCOPE = { variables: new Map(), locals: new Map() };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** hcl2json nests labelled blocks by label: `resource.aws_db_instance.main[0]`. */
function blockJson(parent: Json | undefined, block: HclBlock): Json | undefined {
  let node = isObject(parent) ? parent[block.type] : undefined;
  for (const label of block.labels) node = isObject(node) ? node[label] : undefined;
  return node;
}

function sameValue(ours: HclValue, theirs: Json | undefined): boolean {
  if (Array.isArray(ours)) {
    return (
      Array.isArray(theirs) && theirs.length === ours.length && ours.every((item, i) => sameValue(item, theirs[i]))
    );
  }
  if (ours !== null && typeof ours === "object") {
    if (!isObject(theirs)) return false;
    const keys = Object.keys(ours);
    return (
      keys.length === Object.keys(theirs).length && keys.every((key) => sameValue(ours[key] as HclValue, theirs[key]))
    );
  }
  // HCL's JSON form writes a literal `${` / `%{` as `$${` / `%%{`.
  if (typeof ours === "string") return ours.replace(/([$%])\{/g, "$1$1{") === theirs;
  return ours === theirs;
}

function compareBody(
  attributes: HclFile["attributes"],
  blocks: readonly HclBlock[],
  theirs: Json | undefined,
  path: string,
  out: string[],
): void {
  if (!isObject(theirs)) {
    out.push(`${path}: HashiCorp has no object here`);
    return;
  }
  for (const [name, attr] of attributes) {
    if (!(name in theirs)) {
      out.push(`${path}.${name}: attribute missing in HashiCorp's reading`);
      continue;
    }
    const value = evaluateValue(attr, NO_SCOPE);
    if (value !== undefined && !sameValue(value, theirs[name])) {
      out.push(`${path}.${name}: Parity reads ${JSON.stringify(value)}, HashiCorp ${JSON.stringify(theirs[name])}`);
    }
  }
  // Blocks of one type and labels are a list in order; count them to index each.
  const seen = new Map<string, number>();
  for (const block of blocks) {
    const key = [block.type, ...block.labels].join("\u0000");
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    const list = blockJson(theirs, block);
    const where = `${path}.${[block.type, ...block.labels].join(".")}[${index}]`;
    if (!Array.isArray(list) || list[index] === undefined) {
      out.push(`${where}: block missing in HashiCorp's reading`);
      continue;
    }
    compareBody(block.attributes, block.blocks, list[index], where, out);
  }
}

export async function differential(path: string, content: string): Promise<Differential> {
  let theirs: Json;
  try {
    theirs = (await hashicorpParse(path, content)) as Json;
  } catch {
    return { accepted: false, disagreements: [] };
  }
  return { accepted: true, disagreements: compareWithJson(path, content, theirs) };
}

/** Parity's reading of `content` against HashiCorp's JSON of it: the disagreements. */
export function compareWithJson(path: string, content: string, theirs: Json): string[] {
  const ours = parseHcl(content);
  const disagreements = ours.problems.map((problem) => `line ${problem.line}: Parity: ${problem.message}`);
  compareBody(ours.attributes, ours.blocks, theirs, path, disagreements);
  return disagreements;
}
