// biome-ignore-all lint/suspicious/noTemplateCurlyInString: image references spell Compose `${VAR}` syntax literally
import { describe, expect, it } from "vitest";
import type { Environment, Inventory } from "../types";
import { input, inventory } from "./test-helpers";
import { unpinnedImage } from "./unpinned-image";

type Placed = NonNullable<Inventory["images"]>[number];

let line = 10;
/** An image as a format placed it: `image("prod", "adminer", "floating")`. */
function image(environment: Environment, ref: string, tag: Placed["tag"], extra: Partial<Placed> = {}): Placed {
  line += 1;
  return { environment, ref, tag, own: false, line, file: "compose.yml", format: "compose", ...extra };
}

const run = (images: Placed[], builtImages?: string[]) =>
  unpinnedImage
    .run(input({ ...inventory(), images, ...(builtImages ? { builtImages } : {}) }))
    .findings.map((f) => [f.message, f.severity, f.service, f.environments]);

describe("unpinned-image: deployed images outside the catalog", () => {
  it.each([
    {
      name: "prod runs another product's image with no tag",
      images: [image("prod", "adminer", "floating")],
      findings: [
        [
          "adminer runs with no tag in prod: a deploy or restart can pull a new version",
          "low",
          "image:adminer",
          ["prod"],
        ],
      ],
    },
    {
      name: "prod floats where CI pins the same image (Docker Hub's host or not)",
      images: [
        image("prod", "docker.io/apache/tika:latest", "floating", { file: "docker/compose/stack.yml" }),
        image("ci", "apache/tika:3.3.1.0", "pinned", { file: "docker/compose/ci.yml" }),
      ],
      findings: [
        [
          "apache/tika runs on :latest in prod: a deploy or restart can pull a new version; ci pins apache/tika:3.3.1.0",
          "low",
          "image:apache/tika",
          ["ci", "prod"],
        ],
      ],
    },
    {
      name: "the app's own images in prod are one finding, across files",
      images: [
        image("prod", "acme/shop-web", "floating", { own: true, file: "k8s/web.yaml" }),
        image("prod", "acme/shop-worker", "floating", { own: true, file: "k8s/worker.yaml" }),
        image("prod", "acme/shop-web:latest", "floating", { own: true, file: "docker-stack.yml" }),
      ],
      findings: [
        [
          "prod runs the application's own images acme/shop-web and acme/shop-worker with no tag and on :latest: a deploy or restart runs whatever was pushed last, not a reviewed release",
          "low",
          "image:app",
          ["prod"],
        ],
      ],
    },
    {
      name: "an own image with no namespace is a local build (docker build -t shop)",
      images: [image("prod", "shop", "floating", { own: true })],
      findings: [],
    },
    {
      name: "the app's own image floating in dev tracks its newest build",
      images: [image("dev", "acme/shop:latest", "floating", { own: true }), image("dev", "postgres:16", "pinned")],
      findings: [],
    },
    {
      name: "a CI tool floats while the same file pins other images",
      images: [
        image("ci", "tinybirdco/tinybird-local:latest", "floating", { file: ".github/workflows/e2e.yml" }),
        image("ci", "mysql:8.0", "pinned", { file: ".github/workflows/e2e.yml" }),
      ],
      findings: [
        [
          "tinybirdco/tinybird-local floats on :latest in ci, while the same file pins mysql:8.0",
          "low",
          "image:tinybirdco/tinybird-local",
          ["ci"],
        ],
      ],
    },
    {
      name: "a dev tool floating in a file that pins nothing follows the newest on purpose",
      images: [
        image("dev", "ghcr.io/acme/simulator:latest", "floating", { file: "dev/compose.yml" }),
        image("dev", "redis:alpine", "pinned", { file: "dev/compose.yml" }),
        image("ci", "mysql:8.0", "pinned", { file: ".github/workflows/ci.yml" }),
      ],
      findings: [],
    },
    {
      name: "a tool floating in dev and CI from one file is one finding",
      images: [
        image("dev", "inbucket/inbucket", "floating", { line: 22 }),
        image("ci", "inbucket/inbucket", "floating", { line: 22 }),
        image("dev", "postgres:15", "pinned", { line: 5 }),
      ],
      findings: [
        [
          "inbucket/inbucket floats with no tag in dev and ci, while the same file pins postgres:15",
          "low",
          "image:inbucket/inbucket",
          ["dev", "ci"],
        ],
      ],
    },
    {
      name: "a tag left to a variable is unknown, not floating",
      images: [image("prod", "acme/shop:${TAG}", "unknown", { own: true }), image("prod", "traefik", "unknown")],
      findings: [],
    },
    {
      name: "a digest pins",
      images: [image("prod", "adminer@sha256:0123", "pinned")],
      findings: [],
    },
    {
      name: "backing services are judged per engine, not here",
      images: [image("prod", "postgres", "floating"), image("prod", "redis:7", "pinned")],
      findings: [],
    },
  ])("$name", ({ images, findings }) => {
    expect(run(images)).toEqual(findings);
  });

  it("leaves alone the images skaffold or Tilt builds and retags at deploy", () => {
    const manifests = [image("prod", "cartservice", "floating", { file: "kubernetes-manifests/cart.yaml" })];
    expect(run(manifests, ["cartservice"])).toEqual([]);
    expect(run(manifests)).toHaveLength(1);
  });

  it("cites every floating place and the pins", () => {
    const prod = image("prod", "apache/tika:latest", "floating", { file: "stack.yml" });
    const ci = image("ci", "apache/tika:3.3.1.0", "pinned", { file: "ci.yml" });
    const [finding] = unpinnedImage.run(input({ ...inventory(), images: [prod, ci] })).findings;
    expect(finding?.evidence).toEqual([
      { environment: "prod", file: "stack.yml", line: prod.line, value: "image: apache/tika:latest" },
      { environment: "ci", file: "ci.yml", line: ci.line, value: "image: apache/tika:3.3.1.0" },
    ]);
  });
});
