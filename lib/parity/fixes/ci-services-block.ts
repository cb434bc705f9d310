/**
 * ci-services, when CI's test jobs start no database: a `services:` block in each GitHub Actions
 * test job the finding cites, with prod's engine at prod's version, a health check, the port
 * on the runner, and the job's connection URL when the repository's env sample names one.
 */
import { isMap, type YAMLMap } from "yaml";
import type { Finding } from "../types";
import { SERVICE_TEMPLATES, type ServiceTemplate } from "./service-templates";
import { engineOf, prodVersion, usesAt } from "./toward-prod";
import type { FixContext, PlannerResult, TextEdit } from "./types";
import { before, child, endOf, pairOnLine, topMap } from "./yaml-blocks";

const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/** The test jobs the finding cites (`test: npm test, no database`). */
function testJobs(finding: Finding) {
  return finding.evidence.filter(
    (evidence) =>
      evidence.environment === "ci" && /, no database$/.test(evidence.value) && WORKFLOW.test(evidence.file),
  );
}

/** Whether an env sample of the repository documents `key` (the tests read it, then). */
function documented(context: FixContext, key: string): boolean {
  return [...context.files].some(
    ([path, content]) =>
      /(^|\/)\.env\.(example|sample|template|dist)$/.test(path) && new RegExp(`^${key}=`, "m").test(content),
  );
}

/** One entry of a job's `services:` map, its name at `indent`. */
export function serviceEntry(template: ServiceTemplate, version: string, indent: string, unit: string, eol: string) {
  const at = (depth: number, text: string) => `${indent}${unit.repeat(depth)}${text}${eol}`;
  const lines = [at(0, `${template.name}:`), at(1, `image: ${template.image(version)}`)];
  if (template.environment.length > 0) {
    lines.push(at(1, "env:"), ...template.environment.map(([key, value]) => at(2, `${key}: ${value}`)));
  }
  lines.push(at(1, "ports:"), at(2, `- ${template.port}:${template.port}`));
  if (template.health) {
    lines.push(
      at(1, "options: >-"),
      at(2, `--health-cmd "${template.health}"`),
      at(2, "--health-interval 5s --health-timeout 5s --health-retries 10"),
    );
  }
  return lines.join("");
}

/**
 * Evidence from test code that is no service use: a double wired in place of the client
 * (ci-services' doubled findings). Testcontainers evidence is a use of the inventory.
 */
function usesDouble(context: FixContext): boolean {
  return context.finding.evidence.some(
    (evidence) => evidence.environment === "test" && usesAt(context, evidence).length === 0,
  );
}

export function addCiServices(context: FixContext): PlannerResult | null {
  const jobs = testJobs(context.finding);
  if (jobs.length === 0) return null;
  // A server beside tests that mock its client would silence the finding and test nothing more.
  if (usesDouble(context)) {
    return {
      reason:
        "the tests replace the client with a test double: a service container alone changes nothing they test; " +
        "point the tests at a real server first",
    };
  }
  const engine = engineOf(context);
  const template = engine === null ? undefined : SERVICE_TEMPLATES[engine];
  if (engine === null || template === undefined) {
    return { reason: `no CI service template for prod's ${engine ?? "databases"}: add the service block by hand` };
  }
  const target = prodVersion(context, engine);
  if ("reason" in target) return target;
  const edits: TextEdit[] = [];
  for (const evidence of jobs) {
    const content = context.files.get(evidence.file);
    const top = content === undefined ? null : topMap(content);
    const jobsMap = top === null ? null : child(top, "jobs");
    const pair = content === undefined || jobsMap === null ? undefined : pairOnLine(content, jobsMap, evidence.line);
    if (content === undefined || pair === undefined || !isMap(pair.value) || pair.value.flow) {
      return { reason: `${evidence.file}:${evidence.line}: the job could not be read as a block map` };
    }
    const job = pair.value as YAMLMap;
    const where = `${evidence.file}:${evidence.line}`;
    // In a job container, services are reached by name, not on localhost: the URL differs.
    if (job.items.some((item) => String((item.key as { value?: unknown })?.value) === "container")) {
      return { reason: `${where}: the job runs in a container: add ${engine} to its services by hand` };
    }
    const existing = child(job, "services");
    if (existing) {
      // The job starts other services already (Redis): prod's database joins them.
      const names = existing.items.map((item) => String((item.key as { value?: unknown })?.value));
      if (names.includes(template.name))
        return { reason: `${where}: the job already has a service named ${template.name}` };
      const end = endOf(content, existing);
      if (end === null) return { reason: `${where}: the job's services could not be read as a block map` };
      const lead = end.offset === content.length && !content.endsWith("\n") ? end.eol : "";
      const text = lead + serviceEntry(template, target.version, end.indent, end.unit, end.eol);
      edits.push({ file: evidence.file, start: end.offset, end: end.offset, before: "", after: text });
      continue;
    }
    const place = before(content, job, "steps");
    if (place === null) return { reason: `${where}: the job has no steps to place services before` };
    let text =
      `${place.indent}services:${place.eol}` +
      serviceEntry(template, target.version, place.indent + place.unit, place.unit, place.eol);
    const url = template.url;
    if (url && documented(context, url.key) && !child(job, "env")) {
      text += `${place.indent}env:${place.eol}${place.indent}${place.unit}${url.key}: ${url.value}${place.eol}`;
    }
    edits.push({ file: evidence.file, start: place.offset, end: place.offset, before: "", after: text });
  }
  const summary = edits.map((edit) => `${edit.file}: services ${template.image(target.version)} added to a test job`);
  return { edits, summary: [...new Set(summary)].join("; ") };
}
