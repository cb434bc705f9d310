import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { extractDockerfile } from "./extract";

function repo(files: Record<string, string>): ExtractContext {
  const contents = new Map(Object.entries(files));
  return { paths: [...contents.keys()], readFile: (path) => contents.get(path), repository: "acme/maps" };
}

const PG_IMAGE =
  "# postgis from apt\nFROM postgres:14\nRUN apt-get update && apt-get install -y postgresql-14-postgis-3\n";
const DEV_STACK = "services:\n  db:\n    build:\n      context: .\n      dockerfile: docker/db/Dockerfile\n";
const SELF_HOST =
  "# Self-hosting: run the published image\nservices:\n  app:\n    image: ghcr.io/acme/maps:2.1\n    restart: always\n  db:\n    build: ./docker/db\n";

describe("a Dockerfile that builds a backing service runs where the stacks that build it run", () => {
  it.each<[string, Record<string, string>, [string | undefined, string | null, number][]]>([
    ["built by a dev stack: dev's PostgreSQL 14", { "docker-compose.yml": DEV_STACK }, [["dev", "14", 2]]],
    ["built by a self-hosting stack: prod's PostgreSQL 14", { "compose.yml": SELF_HOST }, [["prod", "14", 2]]],
    ["built by nothing: nothing said about where it runs", {}, []],
  ])("%s", (_name, files, expected) => {
    const ctx = repo({ "docker/db/Dockerfile": PG_IMAGE, ...files });
    const result = extractDockerfile({ path: "docker/db/Dockerfile", content: PG_IMAGE }, ctx);
    const databases = result.uses.filter((use) => use.kind === "database");
    expect(databases.map((use) => [use.environment, use.version, use.line])).toEqual(expected);
  });

  it("says which stack builds it", () => {
    const ctx = repo({ "docker/db/Dockerfile": PG_IMAGE, "docker-compose.yml": DEV_STACK });
    const [use] = extractDockerfile({ path: "docker/db/Dockerfile", content: PG_IMAGE }, ctx).uses;
    expect(use?.raw).toBe("FROM postgres:14 (built by docker-compose.yml service db)");
  });
});
