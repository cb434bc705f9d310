import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractContext, ExtractedUse } from "../../types";
import { flaskFormat } from "./index";

const ctx: ExtractContext = { paths: [], readFile: () => undefined };
const content = readFileSync(join(__dirname, "__fixtures__", "config.py"), "utf8");

function facts(uses: ExtractedUse[]) {
  return uses.map((u) => [u.environment, u.kind, u.engine, u.line, u.via, u.name]);
}

describe("flask config classes", () => {
  it("passes base-class settings to subclasses that do not override them", () => {
    const { uses, problems } = flaskFormat.extract({ path: "config.py", content }, ctx);
    expect(problems).toEqual([]);
    expect(facts(uses)).toEqual([
      ["dev", "database", "sqlite", 8, "default", "DevelopmentConfig"],
      ["dev", "cache", "in-memory", 10, "setting", "DevelopmentConfig"],
      ["test", "cache", "in-memory", 10, "setting", "TestingConfig"],
      ["test", "database", "sqlite", 19, "url", "TestingConfig"],
      ["prod", "database", "postgres", 23, "url", "ProductionConfig"],
      ["prod", "cache", "redis", 24, "setting", "ProductionConfig"],
    ]);
  });

  it("places module-level settings in dev and prod and ignores unrelated config.py files", () => {
    const flat = flaskFormat.extract(
      { path: "app/config.py", content: 'SQLALCHEMY_DATABASE_URI = "sqlite:///x.db"\n' },
      ctx,
    );
    expect(facts(flat.uses)).toEqual([
      ["dev", "database", "sqlite", 1, "url", undefined],
      ["prod", "database", "sqlite", 1, "url", undefined],
    ]);
    expect(flaskFormat.extract({ path: "docs/config.py", content: "project = 'x'\n" }, ctx).uses).toEqual([]);
  });
});

describe("flask settings read as the application reads them", () => {
  it("takes the `or` fallback as dev's and the scheme rewrite of the deployed URL as prod's", () => {
    const content = [
      "class Config:",
      "    SECRET_KEY = os.environ.get('SECRET_KEY') or 'dev'",
      "    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL', '').replace(",
      "        'postgres://', 'postgresql://') or \\",
      "        'sqlite:///' + os.path.join(basedir, 'app.db')",
      "    REDIS_URL = os.environ.get('REDIS_URL') or 'redis://'",
      "",
    ].join("\n");
    const { uses } = flaskFormat.extract({ path: "config.py", content }, ctx);
    expect(facts(uses)).toEqual([
      ["prod", "database", "postgres", 4, "url", "Config"],
      ["dev", "database", "sqlite", 5, "default", "Config"],
      ["dev", "broker", "redis", 6, "default", "Config"],
      // REDIS_URL names Redis: whatever a deploy sets it to is a Redis URL too.
      ["prod", "broker", "redis", 6, "default", "Config"],
    ]);
    expect(uses[0]?.raw).toContain("the deployed URL");
  });

  it("leaves Django settings modules to the django format", () => {
    const content = 'from django.conf import settings\nCELERY_BROKER_URL = "redis://localhost:6379/0"\n';
    expect(flaskFormat.extract({ path: "config/celery_app.py", content }, ctx).uses).toEqual([]);
  });
});
