import type { ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { pathIndex } from "../shared/path-index";
import { codeDefaults } from "./app-defaults";
import { selections } from "./selectors";

/**
 * Application-specific selector variables in `.env.*` files: the value the app's own config code
 * switches on (`HD_DATABASE_TYPE=sqlite`, `FILE_STORAGE=local`, `STORAGE_DRIVER=s3`). The file is
 * placed by the path rules (`.env.example` dev, `.env.test` test, `.env.production` prod). A bare
 * `.env` is the sibling compose file's, whose environment the path alone does not give, and
 * reference lists (`.env.example.complete`) document every option: neither is read. Laravel apps
 * are left to the laravel format, which reads the same keys with Laravel's layering.
 *
 * Platform blueprints (Heroku `app.json`, `render.yaml`, `fly.toml`) and the same env files are
 * also read for the selectors they leave unset: see `defaultsInUse`.
 */

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*["']?([A-Za-z0-9_.-]*)["']?\s*(?:#.*)?$/;

export function extractEnvSelectors(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const dir = file.path.slice(0, file.path.lastIndexOf("/") + 1);
  if (pathIndex(ctx.paths).has(`${dir}artisan`)) return { uses: [], problems: [] };
  const uses: ExtractedUse[] = [];
  const lines = file.content.split("\n");
  for (const setting of settings(file.path, lines)) {
    for (const { selector, engine } of selections(setting.key, setting.value)) {
      uses.push({
        kind: selector.kind,
        engine,
        version: null,
        pinned: null,
        line: setting.line,
        raw: `${setting.key}=${setting.value} (selects the ${selector.kind})`,
        via: "setting",
        name: setting.key,
      });
    }
  }
  uses.push(...defaultsInUse(lines, ctx, dir));
  return { uses, problems: [] };
}

interface Setting {
  key: string;
  value: string;
  line: number;
}

/**
 * The values a file sets: `KEY=value` in env files and `KEY = "value"` in fly.toml; app.json's
 * `"KEY": "value"` and `"KEY": { "value": "..." }`; render.yaml's `- key: KEY` with its `value:`.
 */
function settings(path: string, lines: readonly string[]): Setting[] {
  const found: Setting[] = [];
  const name = path.slice(path.lastIndexOf("/") + 1);
  lines.forEach((text, index) => {
    if (name.startsWith(".env.") || name === "fly.toml") {
      const match = LINE.exec(text);
      if (match?.[1] && match[2]) found.push({ key: match[1], value: match[2], line: index + 1 });
      return;
    }
    const key =
      name === "app.json"
        ? /^\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*:/.exec(text)?.[1]
        : /^\s*-\s*key:\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*$/.exec(text)?.[1];
    if (!key) return;
    const inline = /:\s*"([\w.-]+)"\s*,?\s*$/.exec(text)?.[1];
    if (name === "app.json" && inline) {
      found.push({ key, value: inline, line: index + 1 });
      return;
    }
    // The entry's own lines: up to app.json's closing brace or the next render.yaml list item.
    for (let next = index; next < Math.min(lines.length, index + 6); next += 1) {
      const line = lines[next] ?? "";
      if (next > index && (/^\s*-\s/.test(line) || /^\s*"[^"]+"\s*:\s*\{/.test(line))) break;
      const value = /^\s*["']?value["']?\s*:\s*["']?([\w.-]+)["']?\s*[,}\s]*(?:#.*)?$/.exec(
        next === index ? (line.split("{")[1] ?? "") : line,
      )?.[1];
      if (value) {
        found.push({ key, value, line: next + 1 });
        break;
      }
      if (name === "app.json" && line.includes("}")) break;
    }
  });
  return found;
}

/**
 * The variables a file sets or declares, with their lines: `KEY=value` (env files, TOML), `KEY:`
 * (YAML maps), `"KEY":` (app.json), `- key: KEY` / `- name: KEY` (Render, Kubernetes). An env
 * file's key with an empty value sets nothing.
 */
function declaredKeys(lines: readonly string[]): Map<string, number> {
  const keys = new Map<string, number>();
  lines.forEach((text, index) => {
    if (/^\s*(#|\/\/)/.test(text)) return;
    const match =
      /^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=\s*(\S?)/.exec(text) ??
      /^\s*-?\s*["']?([A-Z][A-Z0-9_]*)["']?\s*:(?!\/)/.exec(text) ??
      /^\s*-?\s*(?:key|name):\s*["']?([A-Z][A-Z0-9_]*)["']?\s*$/.exec(text);
    if (!match?.[1] || match[2] === "" || keys.has(match[1])) return;
    keys.set(match[1], index + 1);
  });
  return keys;
}

/**
 * What a server storage engine's own variables look like: an app that defaults to S3 and a deploy
 * that configures a bucket and AWS credentials runs S3. `names` must match one key (the engine is
 * named), `family` gives the first line cited.
 */
const CONFIGURED_BY: Record<string, { names: RegExp; family: RegExp }> = {
  s3: {
    names: /(^|_)(S3|MINIO|R2)(_|$)|BUCKET/,
    family: /(^|_)(S3|MINIO|R2)(_|$)|BUCKET|^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/,
  },
  gcs: { names: /(^|_)GCS(_|$)|GOOGLE_CLOUD_STORAGE/, family: /(^|_)GCS(_|$)|GOOGLE_CLOUD_STORAGE|BUCKET/ },
  "azure-blob": { names: /AZURE_(STORAGE|BLOB)/, family: /AZURE_(STORAGE|BLOB)/ },
};

/**
 * The application's own default for a selector (read from its code, see app-defaults), in a
 * deploy or env file that leaves the selector unset while configuring the default engine's own
 * variables: Heroku's app.json with `AWS_S3_UPLOAD_BUCKET_NAME` and no `FILE_STORAGE` runs the
 * app's `FILE_STORAGE ?? "s3"`. Only server storage engines, whose variables name them; a file
 * that says nothing of the engine says nothing of what runs (the platform may set the selector).
 */
function defaultsInUse(lines: readonly string[], ctx: ExtractContext, dir: string): ExtractedUse[] {
  const defaults = codeDefaults(ctx, dir);
  if (defaults.size === 0) return [];
  const uses: ExtractedUse[] = [];
  const keys = declaredKeys(lines);
  const text = lines.join("\n");
  for (const found of defaults.values()) {
    for (const { selector, engine } of selections(found.key, found.value)) {
      const configured = CONFIGURED_BY[engine];
      if (selector.kind !== "storage" || !configured) continue;
      if (new RegExp(`(^|[^A-Za-z0-9_])${found.key}([^A-Za-z0-9_]|$)`).test(text)) continue;
      const named = [...keys.keys()].find((key) => configured.names.test(key));
      if (!named) continue;
      const line = Math.min(...[...keys].filter(([key]) => configured.family.test(key)).map(([, at]) => at));
      uses.push({
        kind: selector.kind,
        engine,
        version: null,
        pinned: null,
        line,
        raw: `${found.key} unset: the app's default ${found.value} (${found.file}:${found.line}); ${named} configured`,
        via: "default",
        name: found.key,
      });
    }
  }
  return uses;
}
