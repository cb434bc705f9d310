import type { ExtractResult, FormatFile } from "../../types";
import { literalSetting, stagingOrProd, urlUse, workerUse } from "../shared/platform-helpers";
import { entries, get, items, readYaml, text } from "../shared/platform-yaml";
import { addonUse } from "./addons";

/**
 * heroku.yml (devcenter.heroku.com/articles/build-docker-images-heroku-yml): `setup.addons`,
 * `setup.config` (env vars), `build.docker` Dockerfiles (production images: references), and
 * `run` commands that need a specific broker.
 */
export function extractHerokuYml(file: FormatFile): ExtractResult {
  const yaml = readYaml(file.content, "heroku.yml");
  const environment = stagingOrProd(file.path);
  const out: Required<Pick<ExtractResult, "uses" | "envKeys" | "literals" | "references">> = {
    uses: [],
    envKeys: [],
    literals: [],
    references: [],
  };
  const setup = get(yaml.root, "setup");
  for (const item of items(get(setup, "addons"))) {
    const plan = text(item) ?? text(get(item, "plan"));
    const use = plan ? addonUse(plan, null, yaml.line(item), undefined, text(get(item, "as")) ?? undefined) : null;
    if (use) out.uses.push(use);
  }
  for (const { key, keyNode, value } of entries(get(setup, "config"))) {
    const line = yaml.line(keyNode);
    out.envKeys.push({ key, line, role: "reads" });
    const literal = text(value);
    if (literal === null) continue;
    const use = urlUse(key, literal, line, undefined, key);
    if (use) out.uses.push(use);
    const setting = literalSetting(key, literal, line, undefined);
    if (setting) out.literals.push(setting);
  }
  for (const { value } of entries(get(get(yaml.root, "build"), "docker"))) {
    const dockerfile = text(value) ?? text(get(value, "dockerfile"));
    if (dockerfile) out.references.push({ path: dockerfile.replace(/^\.\//, ""), environment, line: yaml.line(value) });
  }
  for (const { key, value } of entries(get(yaml.root, "run"))) {
    const commandNode = text(value) !== null ? value : get(value, "command");
    const command = text(commandNode) ?? items(commandNode).map(text).filter(Boolean).join(" ");
    const use = command ? workerUse(command, yaml.line(commandNode ?? value), undefined, key) : null;
    if (use) out.uses.push(use);
  }
  return {
    uses: out.uses,
    envKeys: out.envKeys,
    literals: out.literals,
    ...(out.references.length > 0 ? { references: out.references } : {}),
    environment,
    problems: yaml.problems,
  };
}
