import type { HistoryContext } from "./context";
import { humanOrNull, personKey } from "./people";
import { inWindow } from "./time";

/* Deploy definitions: how and where the application runs. Matched on path segments so
 * `infra/k8s/app.yaml` and `services/api/Dockerfile` count as well as root files. */
const INFRA_DIRS = /(^|\/)(\.github\/workflows|k8s|kubernetes|deploy|deployment|manifests|helm|charts|terraform)\//i;
const INFRA_FILES =
  /(^|\/)(fly\.toml|render\.yaml|heroku\.yml|railway\.json|serverless\.ya?ml|Procfile|Dockerfile(\.[\w.-]+)?|[\w.-]+\.Dockerfile|(docker-)?compose([.-][\w.-]+)?\.ya?ml|[^/]+\.tf|[^/]+\.tfvars)$/i;

/* Files that are neither application code nor deploy definitions: prose and repository chrome. */
const NEUTRAL =
  /(^|\/)(docs?\/|\.github\/|LICENSE|CHANGELOG|CODEOWNERS|\.gitignore$|\.editorconfig$|[^/]+\.(md|mdx|txt|rst)$)/i;

export function isDeployDefinition(path: string): boolean {
  return INFRA_DIRS.test(path) || INFRA_FILES.test(path);
}

export function isApplicationCode(path: string): boolean {
  return !isDeployDefinition(path) && !NEUTRAL.test(path);
}

export interface InfraOwnershipMetrics {
  /** `no-files`: the source did not say which paths commits touched. */
  state: "shared" | "disjoint" | "no-infra-changes" | "no-app-changes" | "no-files";
  /** Human authors who changed deploy definitions in the window (ids). */
  infraOwners: string[];
  /** Of those, the ones who also changed application code. */
  sharedOwners: string[];
  appAuthors: number;
  /** Up to five deploy-definition paths changed in the window, for evidence. */
  infraPaths: string[];
  /** Human commits in the window the source listed files for / all human commits there. */
  commitsWithFiles: number;
  humanCommits: number;
}

/**
 * Who changes deploy definitions vs who changes application code, over human commits in the
 * last 90 days. Disjoint sets are the ops/dev split the personnel gap describes.
 */
export function infraOwnership(ctx: HistoryContext): InfraOwnershipMetrics {
  const infra = new Map<string, string>();
  const app = new Set<string>();
  const paths = new Set<string>();
  let humanCommits = 0;
  let withFiles = 0;
  for (const c of ctx.commits) {
    const author = humanOrNull(c.commit.author);
    if (!author || !inWindow(c.committedAt, ctx.now)) continue;
    humanCommits += 1;
    const files = c.commit.files;
    if (!files) continue;
    withFiles += 1;
    const key = personKey(author);
    for (const file of files) {
      if (isDeployDefinition(file)) {
        infra.set(key, author.id);
        paths.add(file);
      } else if (isApplicationCode(file)) {
        app.add(key);
      }
    }
  }
  const shared = [...infra.keys()].filter((key) => app.has(key));
  return {
    state: stateOf(withFiles, infra.size, app.size, shared.length),
    infraOwners: [...infra.values()].sort(),
    sharedOwners: shared.map((key) => infra.get(key) ?? key).sort(),
    appAuthors: app.size,
    infraPaths: [...paths].sort().slice(0, 5),
    commitsWithFiles: withFiles,
    humanCommits,
  };
}

function stateOf(withFiles: number, infra: number, app: number, shared: number): InfraOwnershipMetrics["state"] {
  if (withFiles === 0) return "no-files";
  if (infra === 0) return "no-infra-changes";
  if (app === 0) return "no-app-changes";
  return shared > 0 ? "shared" : "disjoint";
}
