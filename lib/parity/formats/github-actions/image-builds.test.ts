import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { dockerBuildFile, dockerfileTests } from "./image-builds";
import { scriptCommands } from "./shell";

const words = (text: string) => scriptCommands(text)[0]?.words ?? [];

const files: Record<string, string> = {
  Dockerfile: "FROM golang:1.22 AS build\nCOPY . .\nRUN go mod download && \\\n    go test ./... && go build -o /app\n",
  "docker/api.Dockerfile": "FROM node:20\nRUN npm ci\nRUN npm run build\n",
};
const ctx: ExtractContext = { paths: Object.keys(files), readFile: (path) => files[path] };

describe("image builds", () => {
  it.each([
    ["docker build -t app .", "", "Dockerfile"],
    ["docker buildx build --platform linux/amd64 -f docker/api.Dockerfile .", "", "docker/api.Dockerfile"],
    ["docker build --file=Dockerfile.ci -t x web", "", "Dockerfile.ci"],
    ["docker build -t app .", "services/api", "services/api/Dockerfile"],
    ["docker build -t app $CONTEXT", "", null],
    ["docker run app", "", null],
  ])("%s (in %s) -> %s", (command, cwd, expected) => {
    expect(dockerBuildFile(words(command), cwd)).toBe(expected);
  });

  it("finds a test command in RUN instructions, continuations joined; none in a build-only file", () => {
    expect(dockerfileTests("Dockerfile", ctx)).toBe("go test (Dockerfile)");
    expect(dockerfileTests("docker/api.Dockerfile", ctx)).toBeNull();
    expect(dockerfileTests("missing/Dockerfile", ctx)).toBeNull();
  });
});
