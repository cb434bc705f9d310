import { isMap, isScalar } from "yaml";
import { redactText } from "../../redact";
import type { ExtractedUse, Problem } from "../../types";
import { erbOf, neutraliseErb } from "./erb";
import { environmentBlocks, parseYaml, resolvedEntries, scalarText } from "./yaml-env";

/** Action Cable adapters: pub/sub is a broker; `async` and `test` run inside the process. */
const CABLE_ADAPTERS: Record<string, string> = {
  async: "in-process",
  test: "in-process",
  inline: "in-process",
  redis: "redis",
  postgresql: "postgres",
};

/** `config/cable.yml`: the pub/sub adapter of each environment, as a broker use. */
export function extractCableYaml(content: string): { uses: ExtractedUse[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const { text, expressions } = neutraliseErb(content);
  const parsed = parseYaml(text, problems);
  if (!parsed) return { uses: [], problems };
  const uses: ExtractedUse[] = [];
  for (const block of environmentBlocks(parsed)) {
    const entries = resolvedEntries(block.map, parsed.doc);
    const node = entries.get("adapter");
    const written = scalarText(node, parsed.doc);
    const erb = erbOf(written, expressions);
    const adapter = erb ? erb.fallback : written;
    const engine = adapter ? CABLE_ADAPTERS[adapter] : undefined;
    if (!adapter || !engine) continue;
    uses.push({
      kind: "broker",
      engine,
      version: null,
      pinned: null,
      line: parsed.lineOf(node),
      raw: erb ? redactText(`adapter: <%= ${erb.source} %>`) : `adapter: ${adapter}`,
      via: erb ? "default" : "adapter",
      environment: block.environment,
      name: `${block.name} (Action Cable)`,
    });
  }
  return { uses, problems };
}

/** Active Storage services to catalog engines. `Mirror` takes its primary's engine. */
const STORAGE_SERVICES: Record<string, string> = {
  Disk: "local-disk",
  S3: "s3",
  GCS: "gcs",
  AzureStorage: "azure-blob",
};

export interface StorageService {
  engine: string;
  service: string;
  /** S3-compatible endpoint (MinIO, R2) noted as the emulator when it names one. */
  emulator?: string;
}

/** `config/storage.yml`: service name (`local`, `amazon`) to engine. */
export function storageServices(content: string | undefined): Map<string, StorageService> {
  const result = new Map<string, StorageService>();
  if (content === undefined) return result;
  const { text } = neutraliseErb(content);
  const parsed = parseYaml(text, []);
  const root = parsed?.doc.contents;
  if (!parsed || !isMap(root)) return result;
  const mirrors = new Map<string, string>();
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const name = String(pair.key.value);
    const entries = resolvedEntries(pair.value, parsed.doc);
    const service = scalarText(entries.get("service"), parsed.doc) ?? "";
    if (service === "Mirror") {
      const primary = scalarText(entries.get("primary"), parsed.doc);
      if (primary) mirrors.set(name, primary);
      continue;
    }
    const engine = STORAGE_SERVICES[service];
    if (!engine) continue;
    const endpoint = scalarText(entries.get("endpoint"), parsed.doc) ?? "";
    const emulator = /minio/i.test(endpoint) ? "minio" : /r2\.cloudflarestorage/i.test(endpoint) ? "r2" : undefined;
    result.set(name, { engine, service, ...(emulator ? { emulator } : {}) });
  }
  for (const [name, primary] of mirrors) {
    const target = result.get(primary);
    if (target) result.set(name, { ...target, service: `Mirror(${primary})` });
  }
  return result;
}
