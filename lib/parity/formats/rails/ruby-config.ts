import { redactText } from "../../redact";
import type { Environment, ExtractedUse, ServiceKind } from "../../types";
import { storageServices } from "./cable-storage";
import { databaseEngineFor } from "./database";

/** The three settings Parity reads from `config/application.rb` and `config/environments/*.rb`. */
export type RailsSetting = "cache" | "queue" | "storage";

/** The branch of an `if` a setting sits in, when the condition says what selects it. */
export interface RubyBranch {
  /**
   * `gated`: runs when the deploy sets one of `selectors` (`if ENV["REDIS_URL"].present?`);
   * `fallback`: the `else` of such an `if`, what runs when nothing is set;
   * `toggle`: the branch a developer switches on (`rails dev:cache` creates tmp/caching-dev.txt);
   * `toggled-off`: the other branch of that toggle.
   */
  role: "gated" | "fallback" | "toggle" | "toggled-off";
  selectors: string[];
}

export interface RubySetting {
  setting: RailsSetting;
  value: string;
  line: number;
  raw: string;
  branch: RubyBranch | null;
}

const SETTINGS: { setting: RailsSetting; pattern: RegExp }[] = [
  { setting: "cache", pattern: /^\s*config\.cache_store\s*=\s*:(\w+)/ },
  { setting: "queue", pattern: /^\s*config\.active_job\.queue_adapter\s*=\s*:(\w+)/ },
  { setting: "storage", pattern: /^\s*config\.active_storage\.service\s*=\s*:(\w+)/ },
];

function shorten(text: string): string {
  const clean = redactText(text.trim().replace(/\s+/g, " "));
  return clean.length > 140 ? `${clean.slice(0, 137)}...` : clean;
}

interface RubyBlock {
  /** The condition's branch for the `if` part, and for the `else` part. */
  taken: RubyBranch | null;
  otherwise: RubyBranch | null;
  inElse: boolean;
}

/** What an `if`/`unless` condition selects on: environment variables or the dev caching toggle. */
function conditionBranches(condition: string, negated: boolean): Pick<RubyBlock, "taken" | "otherwise"> {
  if (/caching-dev\.txt/.test(condition)) {
    const on: RubyBranch = { role: "toggle", selectors: [] };
    const off: RubyBranch = { role: "toggled-off", selectors: [] };
    return negated ? { taken: off, otherwise: on } : { taken: on, otherwise: off };
  }
  const selectors = [...condition.matchAll(/ENV(?:\.fetch\(\s*|\[\s*)["'](\w+)["']/g)].map((m) => m[1] ?? "");
  if (selectors.length === 0) return { taken: null, otherwise: null };
  const gated: RubyBranch = { role: "gated", selectors };
  const fallback: RubyBranch = { role: "fallback", selectors };
  const absent = negated !== /\.(blank|nil)\?|\bnot\b|^\s*!/.test(condition);
  return absent ? { taken: fallback, otherwise: gated } : { taken: gated, otherwise: fallback };
}

const OPENS = /^\s*(?:\w[\w.]*\s*=\s*)?(if|unless|case|while|until|begin|def|class|module)\b|\bdo\s*(\|[^|]*\|)?\s*$/;

/**
 * Scans Ruby as text (never evaluated): commented lines are skipped by the `^\s*config` anchor.
 * `if`/`unless` ... `else` ... `end` blocks are followed by their keywords, so a setting knows the
 * branch it sits in.
 */
export function scanRubyConfig(content: string): RubySetting[] {
  const found: RubySetting[] = [];
  const blocks: RubyBlock[] = [];
  content.split(/\r?\n/).forEach((text, index) => {
    if (/^\s*#/.test(text)) return;
    if (/^\s*end\b/.test(text)) {
      blocks.pop();
      return;
    }
    const alternative = /^\s*(else|elsif)\b(.*)$/.exec(text);
    if (alternative) {
      const block = blocks.at(-1);
      if (!block) return;
      const next = alternative[1] === "elsif" ? conditionBranches(alternative[2] ?? "", false) : null;
      if (next?.taken?.role === "gated" && block.taken?.role === "gated") {
        // `elsif ENV["B"]`: another gated branch; the final `else` runs when neither is set.
        const selectors = [...block.taken.selectors, ...next.taken.selectors];
        block.taken = next.taken;
        block.otherwise = { role: "fallback", selectors };
      } else {
        block.inElse = true;
      }
      return;
    }
    const opens = OPENS.exec(text);
    if (opens) {
      const keyword = opens[1];
      const condition =
        keyword === "if" || keyword === "unless" ? text.slice(text.indexOf(keyword) + keyword.length) : "";
      blocks.push({ ...conditionBranches(condition, keyword === "unless"), inElse: false });
      // A one-line `if x then y end` closes itself.
      if (/\bend\s*$/.test(text) && !/\bdo\s*(\|[^|]*\|)?\s*$/.test(text)) blocks.pop();
      return;
    }
    for (const { setting, pattern } of SETTINGS) {
      const match = pattern.exec(text);
      if (!match?.[1]) continue;
      const branch =
        blocks
          .map((block) => (block.inElse ? block.otherwise : block.taken))
          .filter((b): b is RubyBranch => b !== null)
          .at(-1) ?? null;
      found.push({ setting, value: match[1], line: index + 1, raw: shorten(text), branch });
    }
  });
  return found;
}

/** Line of `Rails.application.configure do`, where an absent setting would be written. */
export function configureLine(content: string): number {
  const index = content
    .split(/\r?\n/)
    .findIndex((text) => /^\s*(Rails\.application\.configure|class Application\b)/.test(text));
  return index >= 0 ? index + 1 : 1;
}

const CACHE_STORES: Record<string, string> = {
  memory_store: "in-memory",
  null_store: "in-memory",
  // A file store is per-machine state without Redis' eviction or network: an in-memory stand-in.
  file_store: "in-memory",
  redis_cache_store: "redis",
  mem_cache_store: "memcached",
};

const QUEUE_ADAPTERS: Record<string, string> = {
  async: "in-process",
  inline: "in-process",
  test: "in-process",
  sidekiq: "redis",
  resque: "redis",
  sneakers: "rabbitmq",
  shoryuken: "sqs",
  good_job: "postgres",
  que: "postgres",
};

/** Rails generator names for Active Storage services, used when storage.yml is unreadable. */
const STORAGE_NAMES: Record<string, string> = {
  local: "local-disk",
  test: "local-disk",
  amazon: "s3",
  google: "gcs",
  microsoft: "azure-blob",
};

export interface RailsFiles {
  databaseYaml: string | undefined;
  storageYaml: string | undefined;
}

/** Turns one setting into a use for an environment block (`production`). */
export function settingUse(
  found: RubySetting,
  blockName: string,
  environment: Environment | undefined,
  files: RailsFiles,
): ExtractedUse | null {
  let kind: ServiceKind;
  let engine: string | null | undefined;
  let emulator: string | undefined;
  if (found.setting === "cache") {
    kind = "cache";
    engine =
      found.value === "solid_cache_store"
        ? databaseEngineFor(files.databaseYaml, blockName, "cache")
        : CACHE_STORES[found.value];
  } else if (found.setting === "queue") {
    kind = "broker";
    engine = ["solid_queue", "delayed_job"].includes(found.value)
      ? databaseEngineFor(files.databaseYaml, blockName, "queue")
      : QUEUE_ADAPTERS[found.value];
  } else {
    kind = "storage";
    const service = storageServices(files.storageYaml).get(found.value);
    engine = service?.engine ?? STORAGE_NAMES[found.value];
    emulator = service?.emulator;
  }
  if (!engine) return null;
  return {
    kind,
    engine,
    version: null,
    pinned: null,
    line: found.line,
    raw: found.raw,
    via: "adapter",
    ...(environment ? { environment } : {}),
    name: blockName,
    ...(emulator ? { emulator } : {}),
  };
}

const QUEUE_GEMS: Record<string, string> = {
  sidekiq: "redis",
  resque: "redis",
  sneakers: "rabbitmq",
  shoryuken: "sqs",
};

/**
 * Queue gems in the `Gemfile` that need a broker server. A gem outside development/test groups
 * ships to production, so it is a production fact (`via: dependency`).
 */
export function extractGemfile(content: string): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  const stack: string[][] = [];
  content.split(/\r?\n/).forEach((text, index) => {
    if (/^\s*#/.test(text)) return;
    const group = /^\s*group\s+(.*?)\s+do\b/.exec(text);
    if (group?.[1]) {
      stack.push([...group[1].matchAll(/:(\w+)/g)].map((m) => m[1] ?? ""));
      return;
    }
    if (/\bdo\s*(\|[^|]*\|)?\s*$/.test(text)) {
      stack.push([]);
      return;
    }
    if (/^\s*end\b/.test(text)) {
      stack.pop();
      return;
    }
    const gem = /^\s*gem\s+["']([\w-]+)["']/.exec(text);
    const engine = gem?.[1] ? QUEUE_GEMS[gem[1]] : undefined;
    if (!gem?.[1] || !engine) return;
    const inline = [...(/group:\s*\[?([^\]\n]*)/.exec(text)?.[1] ?? "").matchAll(/:(\w+)/g)].map((m) => m[1] ?? "");
    const groups = [...stack.flat(), ...inline];
    if (groups.length > 0 && !groups.some((g) => g === "production" || g === "default")) return;
    uses.push({
      kind: "broker",
      engine,
      version: null,
      pinned: null,
      line: index + 1,
      raw: shorten(text),
      via: "dependency",
      environment: "prod",
      name: gem[1],
    });
  });
  return uses;
}
