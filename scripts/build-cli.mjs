#!/usr/bin/env node
/**
 * Builds the `parity` CLI into plain JavaScript (dist/cli/), from the same sources the web app runs:
 * one bundle of cli/run.ts with the engine and its parsers inside, so a run loads one file instead of
 * transpiling hundreds of TypeScript modules (about 1.5 s) first. The GitHub source (octokit) is a
 * separate chunk that only `parity audit owner/repo` loads.
 *
 * Runs as the `prepare` script, so `npm ci`, `npm install`, `npm pack` and an install from a git URL
 * all build it. `dist/cli/inputs.json` lists the source files the bundle was made from; cli/bin.mjs
 * reads it to notice, in a checkout, that a source changed since (it then runs the sources).
 *
 * `--action` builds the GitHub Action instead: one file, action/index.mjs, committed because a
 * `uses: owner/parity@v1` step runs the repository as it is, with no install step
 * (`npm run build:action`; cli/action/bundle.test.ts fails when the committed file is stale).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
// --outdir: tests build a copy of their own instead of racing the one `npx parity` runs.
const { values } = parseArgs({ options: { outdir: { type: "string" }, action: { type: "boolean", default: false } } });
const action = values.action;
const outdir = path.resolve(values.outdir ?? path.join(root, action ? "action" : path.join("dist", "cli")));
const started = performance.now();

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: action ? { index: "cli/action/entry.ts" } : { parity: "cli/run.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // The Action is one file (action.yml names it); the CLI keeps octokit in a chunk of its own.
  splitting: !action,
  format: "esm",
  platform: "node",
  target: "node20",
  // Bundled CommonJS packages (dockerfile-ast, semver) call require() for node built-ins.
  banner: {
    js: "import { createRequire as __parityRequire } from 'node:module'; const require = __parityRequire(import.meta.url);",
  },
  alias: { "@": root },
  // UMD builds (jsonc-parser, vscode-languageserver-types) hide their requires from the bundler: take the ES modules.
  mainFields: ["module", "main"],
  metafile: true,
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
});
const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes("node_modules/"));
if (!action) writeFileSync(path.join(outdir, "inputs.json"), `${JSON.stringify(inputs.sort(), null, 1)}\n`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const what = action ? "GitHub Action" : "parity CLI";
console.log(`${what} built into ${path.relative(root, outdir) || "."}/ (${inputs.length} source files, ${seconds} s)`);
