import { actionName } from "./setup-actions";
import { programWords } from "./shell";

/** A command or action that deploys, and the environment it implies when it names one. */
export interface DeploySignal {
  evidence: string;
  environment: string | null;
}

/** Deploy commands in `run:` steps. Matched on the command's words, after `sudo`/`npx` wrappers. */
const DEPLOY_COMMANDS: {
  test: (w: readonly string[], text: string) => boolean;
  environment?: (w: readonly string[]) => string | null;
}[] = [
  { test: (w) => (w[0] === "flyctl" || w[0] === "fly") && w[1] === "deploy" },
  { test: (w) => w[0] === "helm" && w[1] === "upgrade" },
  { test: (w) => w[0] === "helmfile" && (w[1] === "apply" || w[1] === "sync") },
  {
    test: (w) => w[0] === "kubectl" && (w[1] === "apply" || w[1] === "rollout" || (w[1] === "set" && w[2] === "image")),
  },
  { test: (w) => w[0] === "vercel" && w.includes("--prod"), environment: () => "production" },
  { test: (w) => w[0] === "netlify" && w[1] === "deploy" && w.includes("--prod"), environment: () => "production" },
  { test: (w) => w[0] === "aws" && w[1] === "ecs" && w[2] === "update-service" },
  {
    test: (w) => w[0] === "gcloud" && ((w[1] === "run" && w[2] === "deploy") || (w[1] === "app" && w[2] === "deploy")),
  },
  { test: (w) => (w[0] === "serverless" || w[0] === "sls") && w[1] === "deploy" },
  { test: (w) => w[0] === "cap" && w[2] === "deploy", environment: (w) => w[1] ?? null },
  { test: (w) => w[0] === "git" && w[1] === "push" && w.some((x) => x === "heroku" || x.includes("git.heroku.com")) },
  { test: (w) => w[0] === "kamal" && w[1] === "deploy" },
  { test: (w) => w[0] === "wrangler" && (w[1] === "deploy" || w[1] === "publish") },
  // Render deploy hooks: `curl -X POST https://api.render.com/deploy/srv-...?key=...`.
  { test: (w, text) => (w[0] === "curl" || w[0] === "wget") && text.includes("api.render.com/deploy") },
];

/** Actions that deploy. `superfly/flyctl-actions` deploys unless it is the `setup-flyctl` one. */
const DEPLOY_ACTIONS: readonly string[] = [
  "akhileshns/heroku-deploy",
  "superfly/flyctl-actions",
  "azure/webapps-deploy",
  "azure/k8s-deploy",
  "google-github-actions/deploy-cloudrun",
  "google-github-actions/deploy-appengine",
  "aws-actions/amazon-ecs-deploy-task-definition",
  "amondnet/vercel-action",
  "nwtgck/actions-netlify",
  "cloudflare/wrangler-action",
  "johnbeynon/render-deploy-action",
];

export function deployCommand(words: readonly string[]): DeploySignal | null {
  const w = programWords(words);
  const text = w.join(" ");
  for (const rule of DEPLOY_COMMANDS) {
    if (!rule.test(w, text)) continue;
    // Render hook URLs carry a key: keep the evidence to the command and host.
    // Words with values (`--token=...`, `${{ secrets.X }}`) stay out of the evidence.
    const plain = w.filter((word) => !/[$={}]|secrets\./.test(word)).join(" ");
    const evidence = text.includes("api.render.com") ? `${w[0]} api.render.com/deploy` : truncate(plain);
    return { evidence, environment: rule.environment?.(w) ?? null };
  }
  return null;
}

export function deployAction(uses: string): DeploySignal | null {
  const name = actionName(uses);
  if (name === "superfly/flyctl-actions/setup-flyctl") return null;
  const match = DEPLOY_ACTIONS.find((action) => name === action || name.startsWith(`${action}/`));
  return match ? { evidence: `uses: ${uses}`, environment: null } : null;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
