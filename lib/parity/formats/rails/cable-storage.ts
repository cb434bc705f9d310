import { isMap, isScalar } from "yaml";
import { neutraliseErb } from "./erb";
import { parseYaml, resolvedEntries, scalarText } from "./yaml-env";

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
