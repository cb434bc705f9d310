import type { Environment, ExtractResult, FormatFile } from "../../types";
import { basename } from "../shared/paths";
import { workerUse } from "../shared/platform-helpers";

/**
 * Procfile (devcenter.heroku.com/articles/procfile): `type: command` per line, read as text.
 * A command is a fact only when it needs one broker (Sidekiq, Resque, RQ: Redis); `release:`
 * runs migrations and says nothing about engines. `Procfile` is production; `Procfile.dev` and
 * other suffixes are left to path classification (dev), unless the suffix names staging or prod.
 */
export function procfileEnvironment(path: string): Environment | undefined {
  const name = basename(path);
  if (name === "Procfile") return "prod";
  const suffix = name.slice("Procfile".length).toLowerCase();
  if (/\b(staging|stage)\b/.test(suffix)) return "staging";
  if (/\b(prod|production)\b/.test(suffix)) return "prod";
  return undefined;
}

export function extractProcfile(file: FormatFile): ExtractResult {
  const environment = procfileEnvironment(file.path);
  const uses: ExtractResult["uses"] = [];
  file.content.split(/\r?\n/).forEach((line, index) => {
    const match = /^\s*([A-Za-z0-9_-]+)\s*:\s*(.+?)\s*$/.exec(line);
    if (!match) return;
    const use = workerUse(match[2] as string, index + 1, undefined, match[1] as string);
    if (use) uses.push(use);
  });
  return { uses, ...(environment ? { environment } : {}), problems: [] };
}
