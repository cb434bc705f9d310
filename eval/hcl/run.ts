import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { differential } from "./differential";

/**
 * `npm run eval:hcl -- --checkouts DIR`: Parity's HCL parser against HashiCorp's on every .tf
 * and .tfvars file under DIR (the real-world evaluation's checkouts). Exit 1 on a disagreement.
 */

function tfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === ".terraform" ? [] : tfFiles(path);
    return /\.(tf|tfvars)$/.test(entry.name) ? [path] : [];
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { checkouts: { type: "string" } } });
  if (!values.checkouts) {
    process.stderr.write("usage: npm run eval:hcl -- --checkouts DIR\n");
    return 2;
  }
  let accepted = 0;
  let rejected = 0;
  let disagreeing = 0;
  for (const path of tfFiles(values.checkouts)) {
    const name = relative(values.checkouts, path);
    const result = await differential(name, readFileSync(path, "utf8"));
    if (!result.accepted) {
      rejected++;
      continue;
    }
    accepted++;
    if (result.disagreements.length === 0) continue;
    disagreeing++;
    for (const line of result.disagreements.slice(0, 5)) process.stdout.write(`${line}\n`);
  }
  process.stdout.write(
    `${accepted} files HashiCorp accepts (${rejected} it rejects); Parity disagrees on ${disagreeing}\n`,
  );
  return disagreeing > 0 ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
