// biome-ignore-all lint/suspicious/noTemplateCurlyInString: image references spell Compose `${VAR}` syntax literally
import { describe, expect, it } from "vitest";
import { imageName, tagState } from "./image-tags";

describe("tagState", () => {
  it.each([
    ["adminer", "floating"],
    ["ghcr.io/acme/shop:latest", "floating"],
    ["docker.io/axllent/mailpit:latest", "floating"],
    ["ghcr.io/umami-software/umami:postgresql-latest", "floating"],
    ["localhost:5000/shop", "floating"],
    ["apache/tika:3.3.1.0", "pinned"],
    ["nginx:alpine", "pinned"],
    ["ghcr.io/acme/shop:develop", "pinned"],
    ["acme/shop@sha256:0123abcd", "pinned"],
    ["acme/shop:latest@sha256:0123abcd", "pinned"],
    ["acme/shop:${TAG}", "unknown"],
    ["acme/shop:${TAG:-latest}", "unknown"],
    ["${IMAGE}", "unknown"],
    ["${REGISTRY}/acme/shop", "unknown"],
    ["${REGISTRY}/acme/shop:latest", "floating"],
    ["${REGISTRY}/acme/shop:1.4.2", "pinned"],
    ["acme/shop:{{ .Values.tag }}", "unknown"],
    ["acme/shop@${DIGEST}", "unknown"],
    ["", "unknown"],
  ])("%s is %s", (ref, state) => {
    expect(tagState(ref)).toBe(state);
  });
});

describe("imageName", () => {
  it("drops tag, digest and Docker Hub's host, and keeps other registries", () => {
    expect(imageName("docker.io/apache/tika:latest")).toBe("apache/tika");
    expect(imageName("apache/tika:3.3.1.0")).toBe("apache/tika");
    expect(imageName("ghcr.io/acme/shop@sha256:0123")).toBe("ghcr.io/acme/shop");
    expect(imageName("docker.io/library/adminer")).toBe("adminer");
  });
});
