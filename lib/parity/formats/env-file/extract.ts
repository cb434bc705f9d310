import { isSecretKey, REDACTED, redactUrl } from "../../redact";
import type { EnvKeyUse, ExtractedUse, ExtractResult, FormatFile, LiteralSetting } from "../../types";
import { connectionOf, fallbackLiteral, isPlaceholder } from "./connection";
import { parseEnv } from "./parse";

/** `.env.production`, `.env.prod.local`, `.env.production.example`: committed prod settings. */
const PROD_FILE = /^\.env\.(prod|production)(\.|$)/;
/** Templates document keys; their values are examples, never secrets worth reporting. */
const TEMPLATE_FILE = /\.(example|sample|template|dist|tpl)$/;

export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * Keys become `documents` env keys; connection URLs become uses (engine from the scheme, the
 * URL redacted); secrets written as literals in committed prod env files become `literals`.
 * A committed bare `.env` may hold real secrets: only its keys are read.
 */
export function extractEnvFile(file: FormatFile): ExtractResult {
  const name = basename(file.path);
  const bare = name === ".env";
  const prod = PROD_FILE.test(name) && !TEMPLATE_FILE.test(name);
  const uses: ExtractedUse[] = [];
  const envKeys: EnvKeyUse[] = [];
  const literals: LiteralSetting[] = [];
  for (const entry of parseEnv(file.content)) {
    envKeys.push({ key: entry.key, line: entry.line, role: "documents" });
    if (bare) continue;
    const connection = connectionOf(entry.key, entry.value);
    if (connection) {
      uses.push({
        kind: connection.kind,
        engine: connection.engine,
        version: null,
        pinned: null,
        line: entry.line,
        raw: connection.raw,
        via: "url",
        name: entry.key,
        ...(connection.emulator ? { emulator: connection.emulator } : {}),
      });
    }
    if (!prod) continue;
    const fallback = fallbackLiteral(entry.key, entry.value);
    if (fallback) literals.push({ key: entry.key, line: entry.line, value: fallback, environment: "prod" });
    if (isPlaceholder(entry.value)) continue;
    if (isSecretKey(entry.key)) {
      literals.push({ key: entry.key, line: entry.line, value: REDACTED, environment: "prod" });
    } else if (connection && hasCredentials(entry.value)) {
      literals.push({ key: entry.key, line: entry.line, value: redactUrl(entry.value), environment: "prod" });
    }
  }
  return { uses, envKeys, literals, problems: [] };
}

function hasCredentials(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^@\s]+@/i.test(url.trim());
}
