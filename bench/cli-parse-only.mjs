#!/usr/bin/env node
/**
 * The floor the CLI's cold start is measured against (bench/cli-start.ts): a process that only lists
 * a directory, reads the files the CLI reads (the claimed paths, listed one per line in LIST) and
 * parses them with the parsers the engine uses (YAML, Dockerfiles; other files are split into
 * lines), then exits. Usage: node bench/cli-parse-only.mjs DIR LIST
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { LineCounter, parseAllDocuments } from "yaml";

const root = path.resolve(process.argv[2] ?? ".");
const claimed = (await readFile(process.argv[3] ?? "", "utf8")).split("\n").filter(Boolean);
const entries = await readdir(root, { recursive: true });
const contents = new Array(claimed.length);
let next = 0;
const reader = async () => {
  while (next < claimed.length) {
    const at = next++;
    contents[at] = await readFile(path.join(root, claimed[at]), "utf8");
  }
};
await Promise.all(Array.from({ length: 32 }, reader));
let parsed = 0;
claimed.forEach((file, at) => {
  const content = contents[at] ?? "";
  if (file.endsWith("Dockerfile")) parsed += DockerfileParser.parse(content).getInstructions().length;
  else if (file.endsWith(".yml") || file.endsWith(".yaml"))
    parsed += parseAllDocuments(content, { lineCounter: new LineCounter(), uniqueKeys: false }).length;
  else parsed += content.split("\n").length;
});
process.stdout.write(`${entries.length} entries, ${claimed.length} files read, ${parsed} parsed\n`);
