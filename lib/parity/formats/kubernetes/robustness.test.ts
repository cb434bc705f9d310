import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExtractContext, Format } from "../../types";
import { dockerStackFormat } from "../docker-stack";
import { githubActionsFormat } from "../github-actions";
import { helmFormat } from "../helm";
import { kustomizeFormat } from "../kustomize";
import { skaffoldFormat } from "../skaffold";
import { tiltFormat } from "../tilt";
import { kubernetesFormat } from "./index";

const ctx: ExtractContext = {
  paths: ["k8s/kustomization.yaml", "k8s/Chart.yaml", "k8s/values.yaml"],
  readFile: () => "resources: [../k8s]\ndependencies: [{name: redis}]\n",
};

const cases: [Format, string][] = [
  [githubActionsFormat, ".github/workflows/ci.yml"],
  [kubernetesFormat, "k8s/app.yaml"],
  [kustomizeFormat, "k8s/kustomization.yaml"],
  [helmFormat, "k8s/values.yaml"],
  [helmFormat, "k8s/Chart.yaml"],
  [skaffoldFormat, "skaffold.yaml"],
  [tiltFormat, "Tiltfile"],
  [dockerStackFormat, "docker-stack.yml"],
];

/** YAML-ish text built from the tokens these formats look at, to reach deep code paths. */
const yamlish = fc
  .array(
    fc.constantFrom(
      "apiVersion: v1\n",
      "kind: Deployment\n",
      "kind: CronJob\n",
      "---\n",
      "spec:\n",
      "  template:\n",
      "    spec:\n",
      "      containers:\n",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an Actions expression, not a JS template
      "        - image: postgres:${{ matrix.pg }}\n",
      "jobs:\n",
      "  a:\n",
      "    services: {db: {image: redis}}\n",
      "    strategy: {matrix: {pg: [1, {x: 2}], include: [3]}}\n",
      "    steps: [{run: 'docker run -e', uses: actions/setup-node@v4, with: {node-version-file: ../x}}]\n",
      "images: [{name: redis, newTag: [1]}]\n",
      "apiVersion: skaffold/v4\nmanifests: {rawYaml: [k8s/*.yaml, [1]], kustomize: {paths: k8s}}\n",
      'patches: [{patch: "kind: Deployment\\n$patch: delete"}, {path: 3}]\n',
      "k8s_yaml(helm('k8s', values=['k8s/values.yaml'\n",
      "dependencies: [{name: postgresql, condition: 1}]\n",
      "postgresql: {image: {tag: {}}}\n",
      "env: [{name: X, value: 'postgres://a:b@c'}]\n",
      "{{ .Values.x }}\n",
      "  - [\n",
      "'\n",
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(""));

describe("YAML formats never throw", () => {
  it.each(cases)("%# %s", (format, path) => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string()), (content) => {
        const result = format.extract({ path, content }, ctx);
        expect(Array.isArray(result.uses)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
