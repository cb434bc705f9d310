/**
 * service-missing-in-dev and dev-environment: the services prod runs and dev lacks, added to the
 * dev compose file under `services:` (or, with no dev environment at all, a new `compose.yaml`),
 * at prod's engines and versions with health checks; the connection URL each needs goes into
 * `.env.example` when the repository has one and does not document it yet.
 */
import { isMap } from "yaml";
import type { ServiceUse } from "../types";
import { noTemplate, SERVICE_TEMPLATES, type ServiceTemplate } from "./service-templates";
import { usesAt } from "./toward-prod";
import type { FixContext, PlannerResult, TextEdit } from "./types";
import { child, endOf, indentUnit, lineEnding, topMap } from "./yaml-blocks";

export interface Wanted {
  engine: string;
  version: string;
  template: ServiceTemplate;
}

/** Prod's services the finding cites, each with a template and one version; else why not. */
export function wantedServices(context: FixContext): Wanted[] | { reason: string } {
  const prod = context.finding.evidence
    .filter((evidence) => evidence.environment === "prod")
    .flatMap((evidence) => usesAt(context, evidence));
  const engines = [...new Set(prod.map((use) => use.engine))].sort();
  if (engines.length === 0) return { reason: "the finding names no prod service to add" };
  const wanted: Wanted[] = [];
  for (const engine of engines) {
    const template = SERVICE_TEMPLATES[engine];
    if (template === undefined) return { reason: noTemplate(engine) };
    const versions = [
      ...new Set(
        prod
          .filter((use: ServiceUse) => use.engine === engine && use.version !== null)
          .map((use) => use.version as string),
      ),
    ];
    if (versions.length !== 1) {
      return {
        reason:
          versions.length === 0
            ? `prod does not say which ${engine} version it runs: a dev container would float`
            : `prod runs several ${engine} versions (${versions.join(", ")}): which one dev runs is a choice`,
      };
    }
    wanted.push({ engine, version: versions[0] as string, template });
  }
  return wanted;
}

/** One compose service entry, at `indent` inside `services:`. */
export function composeService(wanted: Wanted, indent: string, unit: string, eol: string): string {
  const at = (depth: number, text: string) => `${indent}${unit.repeat(depth)}${text}${eol}`;
  const { template } = wanted;
  const lines = [at(0, `${template.name}:`), at(1, `image: ${template.image(wanted.version)}`)];
  if (template.environment.length > 0) {
    lines.push(at(1, "environment:"), ...template.environment.map(([key, value]) => at(2, `${key}: ${value}`)));
  }
  lines.push(at(1, "ports:"), at(2, `- "${template.port}:${template.port}"`));
  if (template.health) {
    lines.push(
      at(1, "healthcheck:"),
      at(2, `test: ["CMD-SHELL", "${template.health}"]`),
      at(2, "interval: 5s"),
      at(2, "retries: 10"),
    );
  }
  return lines.join("");
}

/** `.env.example` lines for the services' URLs it does not document yet. */
export function envSampleEdit(context: FixContext, wanted: readonly Wanted[]): TextEdit | null {
  const path = [...context.files.keys()].find((file) => file === ".env.example");
  const content = path === undefined ? undefined : context.files.get(path);
  if (path === undefined || content === undefined) return null;
  const eol = lineEnding(content);
  const lines = wanted.flatMap(({ template }) =>
    template.url && !new RegExp(`^${template.url.key}=`, "m").test(content)
      ? [`${template.url.key}=${template.url.value}`]
      : [],
  );
  if (lines.length === 0) return null;
  const lead = content === "" || content.endsWith("\n") ? "" : eol;
  const text = `${lead}${lines.join(eol)}${eol}`;
  return { file: path, start: content.length, end: content.length, before: "", after: text };
}

/** The dev compose file the inventory places in dev, with a block `services:` map. */
function devComposeFile(context: FixContext): string | null {
  const files = context.report.files.filter(
    (file) => file.format === "compose" && file.environments.includes("dev") && !file.environments.includes("prod"),
  );
  // The one dev starts its services from (a dev use read from it) first.
  const withUses = files.filter((file) =>
    context.report.inventory.some((use) => use.file === file.path && use.environment === "dev" && use.via === "image"),
  );
  return (withUses[0] ?? files[0])?.path ?? null;
}

export function addToDevCompose(context: FixContext): PlannerResult {
  const wanted = wantedServices(context);
  if ("reason" in wanted) return wanted;
  const file = devComposeFile(context);
  const content = file === null ? undefined : context.files.get(file);
  if (file === null || content === undefined) return { reason: "no dev compose file to add the services to" };
  const top = topMap(content);
  const services = top === null ? null : child(top, "services");
  const place = services === null ? null : endOf(content, services);
  if (place === null || services === null || !isMap(services)) {
    return { reason: `${file}: its services could not be read as a block map` };
  }
  const names = new Set(services.items.map((item) => String((item.key as { value?: unknown })?.value)));
  const clash = wanted.find(({ template }) => names.has(template.name));
  if (clash)
    return { reason: `${file} already has a service named ${clash.template.name}: add ${clash.engine} by hand` };
  const lead = place.offset === content.length && !content.endsWith("\n") ? place.eol : "";
  const text = lead + wanted.map((item) => composeService(item, place.indent, place.unit, place.eol)).join("");
  const edits: TextEdit[] = [{ file, start: place.offset, end: place.offset, before: "", after: text }];
  const env = envSampleEdit(context, wanted);
  if (env) edits.push(env);
  const images = wanted.map(({ template, version }) => template.image(version)).join(", ");
  return { edits, summary: `${file}: ${images} added${env ? "; .env.example: connection URLs added" : ""}` };
}

/** No dev environment at all: a new `compose.yaml` with prod's services. */
export function createDevCompose(context: FixContext): PlannerResult {
  const wanted = wantedServices(context);
  if ("reason" in wanted) return wanted;
  const path = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"].find((name) =>
    context.report.files.some((file) => file.path === name),
  );
  if (path !== undefined) return { reason: `${path} exists but does not give a dev environment: extend it by hand` };
  const unit = indentUnit("");
  const text =
    "# Dev services at prod's engines and versions (parity fix): docker compose up -d\n" +
    `services:\n${wanted.map((item) => composeService(item, unit, unit, "\n")).join("")}`;
  const edits: TextEdit[] = [{ file: "compose.yaml", start: 0, end: 0, before: "", after: text }];
  const env = envSampleEdit(context, wanted);
  if (env) edits.push(env);
  const images = wanted.map(({ template, version }) => template.image(version)).join(", ");
  return { edits, summary: `compose.yaml created with ${images}${env ? "; .env.example: connection URLs added" : ""}` };
}
