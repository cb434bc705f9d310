import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFixtureTree } from "../../__tests__/support";
import type { ExtractContext, ExtractedUse } from "../../types";
import { djangoFormat as django } from "./index";

const FIXTURES = join(__dirname, "__fixtures__");

function project(name: string) {
  const root = join(FIXTURES, name);
  const files = readFixtureTree(root);
  const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
  return { ctx, run: (path: string) => django.extract({ path, content: files.get(path) ?? "" }, ctx) };
}

function facts(uses: ExtractedUse[]) {
  return uses.map((u) => [u.environment, u.kind, u.engine, u.line, u.via]);
}

const bakery = project("bakery");
const dir = "config/settings/";

describe("django settings package (base + environment modules)", () => {
  it("spreads base.py to each importing environment, minus what that module overrides", () => {
    const { uses, problems } = bakery.run(`${dir}base.py`);
    expect(problems).toEqual([]);
    // Fallbacks (`default=`) run where nothing is set: they do not reach production.py.
    expect(facts(uses)).toEqual([
      ["dev", "database", "sqlite", 14, "default"],
      ["dev", "storage", "local-disk", 25, "default"],
      ["test", "cache", "in-memory", 1, "default"],
      ["test", "storage", "local-disk", 25, "default"],
    ]);
    expect(uses[0]?.raw).toBe('"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3"),');
  });

  it("reads LocMemCache and eager Celery in local.py", () => {
    expect(facts(bakery.run(`${dir}local.py`).uses)).toEqual([
      ["dev", "cache", "in-memory", 9, "setting"],
      ["dev", "broker", "in-process", 14, "setting"],
    ]);
  });

  it("reads Redis and S3 in production.py", () => {
    expect(facts(bakery.run(`${dir}production.py`).uses)).toEqual([
      ["prod", "cache", "redis", 11, "setting"],
      ["prod", "storage", "s3", 19, "setting"],
    ]);
  });

  it("reads the SQLite test database and eager tasks in test.py", () => {
    expect(facts(bakery.run(`${dir}test.py`).uses)).toEqual([
      ["test", "database", "sqlite", 8, "setting"],
      ["test", "broker", "in-process", 13, "setting"],
    ]);
  });
});

describe("django single settings.py", () => {
  const blog = project("blog");

  it("records dj_database_url's fallback, the storage backend and the LocMemCache default, placed in dev and prod", () => {
    const { uses } = blog.run("blog/settings.py");
    // Unplaced: literals hold in dev and prod, fallbacks only where the variable is unset (dev).
    expect(facts(uses)).toEqual([
      ["dev", "database", "sqlite", 11, "default"],
      ["dev", "storage", "local-disk", 14, "setting"],
      ["prod", "storage", "local-disk", 14, "setting"],
      ["dev", "cache", "in-memory", 1, "default"],
    ]);
  });
});

describe("django setting values", () => {
  const ctx: ExtractContext = { paths: ["app/settings/prod.py"], readFile: () => undefined };

  it.each([
    ['    "ENGINE": "django.contrib.gis.db.backends.postgis",', "database", "postgres", "setting"],
    ['    "ENGINE": "django.db.backends.mysql",', "database", "mysql", "setting"],
    ['    "default": dj_database_url.parse("postgres://app:s3cret@db:5432/app"),', "database", "postgres", "url"],
    ['    "BACKEND": "django.core.cache.backends.redis.RedisCache",', "cache", "redis", "setting"],
    ['    "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",', "cache", "memcached", "setting"],
    ['    "BACKEND": "django.core.cache.backends.dummy.DummyCache",', "cache", "in-memory", "setting"],
  ])("reads %s", (line, kind, engine, via) => {
    const setting = kind === "database" ? "DATABASES" : "CACHES";
    const content = `${setting} = {\n  "default": {\n${line}\n  }\n}\n`;
    const { uses } = django.extract({ path: "app/settings/prod.py", content }, ctx);
    expect(facts(uses)).toEqual([["prod", kind, engine, 3, via]]);
    expect(uses[0]?.raw).not.toContain("s3cret");
  });

  it.each([
    ['CELERY_BROKER_URL = "amqp://guest:guest@rabbit:5672//"', "rabbitmq", "url"],
    ['broker_url = os.environ.get("BROKER_URL", "redis://localhost:6379/0")', "redis", "default"],
    ['CELERY_BROKER_URL = "memory://"', "in-process", "url"],
    ["CELERY_TASK_ALWAYS_EAGER = True", "in-process", "setting"],
  ])("reads the Celery broker from %s", (line, engine, via) => {
    const { uses } = django.extract({ path: "app/settings/prod.py", content: `${line}\n` }, ctx);
    expect(facts(uses)).toEqual([["prod", "broker", engine, 1, via]]);
  });

  it("ignores CELERY_TASK_ALWAYS_EAGER = False and commented settings", () => {
    const content =
      'CELERY_TASK_ALWAYS_EAGER = False\n# CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache"}}\n';
    expect(django.extract({ path: "app/settings/prod.py", content }, ctx).uses).toEqual([]);
  });
});

describe("django settings that branch on environment variables", () => {
  const shop = project("selector");

  function placed(uses: ExtractedUse[]) {
    return uses.map((u) => [u.environment, u.kind, u.engine, u.line]);
  }

  it("puts the unconditional value in dev and test, and each gated branch where a deploy file sets its selector", () => {
    const { uses } = shop.run("shop/settings/base.py");
    // DB=postgres in the prod compose, DB=mysql and REDIS_URL in the CI workflow; .env.example is a
    // template and selects nothing. Nothing places base.py's fallbacks in prod.
    expect(placed(uses.filter((u) => u.kind === "database" || u.kind === "cache"))).toEqual([
      ["dev", "database", "sqlite", 14],
      ["dev", "cache", "in-memory", 42],
      ["prod", "database", "postgres", 22],
      ["test", "database", "sqlite", 14],
      ["ci", "database", "mysql", 29],
      ["ci", "cache", "redis", 37],
      ["test", "cache", "in-memory", 42],
    ]);
    expect(placed(uses.filter((u) => u.environment === "ci" && u.kind !== "storage"))).toEqual([
      // The workflow names shop.settings.test in DJANGO_SETTINGS_MODULE and sets DB and REDIS_URL:
      // CI takes the gated branches, not the fallbacks.
      ["ci", "database", "mysql", 29],
      ["ci", "cache", "redis", 37],
    ]);
    const prod = uses.find((u) => u.environment === "prod");
    expect(prod?.raw).toContain("branch taken where DB=postgres: docker-compose.prod.yml");
    expect(uses.find((u) => u.environment === "dev")?.raw).toContain("branch taken when DB unset");
  });

  it("takes the gated branch of production.py in prod and drops its else", () => {
    expect(placed(shop.run("shop/settings/production.py").uses)).toEqual([["prod", "storage", "s3", 7]]);
  });

  it("reads a settings module inside a tests package as test", () => {
    expect(placed(shop.run("shop/tests/settings.py").uses)).toEqual([["test", "broker", "in-process", 3]]);
  });

  it("reads keyword arguments inside a call as arguments, not settings", () => {
    const content = [
      "DATABASES = {",
      '    "default": dj_database_url.config(',
      "        env=dj_database_url.DEFAULT_ENV,",
      '        default="postgres://shop:shop@localhost:5432/shop",',
      "    ),",
      "}",
      "",
    ].join("\n");
    const ctx: ExtractContext = { paths: ["app/settings.py"], readFile: () => undefined };
    expect(placed(django.extract({ path: "app/settings.py", content }, ctx).uses)).toEqual([
      ["dev", "database", "postgres", 4],
    ]);
  });
});

describe("django settings of a project template (cookiecutter)", () => {
  const template = project("template");
  const settings = "{{cookiecutter.slug}}/conf/settings/";

  function placed(uses: ExtractedUse[]) {
    return uses.map((u) => [u.environment, u.kind, u.engine, u.line]);
  }

  it("keeps the branch of a choice its default selects (S3), not the other options", () => {
    expect(placed(template.run(`${settings}production.py`).uses)).toEqual([["prod", "storage", "s3", 7]]);
  });

  it("keeps branches behind yes/no answers: eager tasks in local.py", () => {
    expect(placed(template.run(`${settings}local.py`).uses)).toEqual([["dev", "broker", "in-process", 4]]);
  });

  it("reads a setting that names a module variable, in prod too when the variable's name names the engine", () => {
    const uses = template.run(`${settings}base.py`).uses.filter((u) => u.kind === "broker");
    // local.py sets CELERY_TASK_ALWAYS_EAGER, so base.py's broker does not reach dev.
    expect(placed(uses)).toEqual([["prod", "broker", "redis", 12]]);
    // An answer the defaults leave open takes its first branch inline (`redis`, not `127.0.0.1`).
    expect(uses[0]?.raw).toBe(
      "CELERY_BROKER_URL = QUEUE_REDIS (line 9: QUEUE_REDIS defaults to redis://redis:6379/1) (deploys set QUEUE_REDIS, whose name says the engine)",
    );
  });
});

describe("fallbacks of environment variables whose name names the engine", () => {
  const ctx: ExtractContext = { paths: ["app/settings.py"], readFile: () => undefined };
  const run = (content: string) =>
    django.extract({ path: "app/settings.py", content }, ctx).uses.map((u) => [u.environment, u.engine, u.line]);

  it.each([
    [
      'CELERY_BROKER_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")',
      [
        ["dev", "redis", 1],
        ["prod", "redis", 1],
      ],
    ],
    ['CELERY_BROKER_URL = os.getenv("BROKER_URL", "redis://localhost:6379/0")', [["dev", "redis", 1]]],
    // The name says Redis, the fallback is something else: nothing is known of prod.
    ['CELERY_BROKER_URL = os.getenv("REDIS_URL", "memory://")', [["dev", "in-process", 1]]],
    ['DATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3")}', [["dev", "sqlite", 1]]],
  ])("%s", (line, expected) => {
    expect(run(`${line}\n`)).toEqual(expected);
  });
});

describe("django settings built by a helper module of the settings package", () => {
  const helper = project("helper");

  function placed(uses: ExtractedUse[]) {
    return uses.map((u) => [u.environment, u.kind, u.engine, u.line]);
  }

  it("reads the match on an environment-chosen engine: the ternary's else is dev's, the deploy's value is prod's", () => {
    const uses = helper.run("notes/settings/database.py").uses;
    // deploy/compose.yml (prod by its folder) sets NOTES_DB_KIND=postgres; the unconditional
    // mysql dict of a helper function says nothing about where it runs.
    // Django's MySQL backend behind NOTES_DB_KIND=mariadb runs MariaDB.
    expect(placed(uses)).toEqual([
      ["dev", "database", "sqlite", 19],
      ["prod", "database", "postgres", 24],
      ["prod", "database", "mariadb", 28],
    ]);
    expect(uses[0]?.raw).toContain("branch taken when NOTES_DB_KIND or NOTES_DB_SERVER unset");
    expect(uses[1]?.raw).toContain("branch taken where NOTES_DB_KIND or NOTES_DB_SERVER=postgres: deploy/compose.yml");
  });

  it("does not read a module of the package that no sibling imports", () => {
    expect(helper.run("notes/settings/unused.py").uses).toEqual([]);
  });
});

describe("the entrypoint script of a Django application's image", () => {
  const app = project("entrypoint");

  it("reads a wait for PostgreSQL as the database of the environment its Dockerfile runs in", () => {
    const { uses } = app.run("scripts/docker-entrypoint.sh");
    expect(uses.map((u) => [u.environment, u.kind, u.engine, u.line])).toEqual([["prod", "database", "postgres", 5]]);
    expect(uses[0]?.raw).toContain("the entrypoint of Dockerfile:5 waits for PostgreSQL");
  });

  it("says nothing of a script no Dockerfile starts", () => {
    expect(app.run("scripts/worker-entrypoint.sh").uses).toEqual([]);
  });

  it("leaves entrypoints of other applications alone", () => {
    const content = "#!/bin/sh\nuntil pg_isready; do sleep 1; done\n";
    const ctx: ExtractContext = {
      paths: ["entrypoint.sh", "Dockerfile", "package.json"],
      readFile: (path) => (path === "Dockerfile" ? 'FROM node:22\nENTRYPOINT ["/entrypoint.sh"]\n' : content),
    };
    expect(django.extract({ path: "entrypoint.sh", content }, ctx)).toMatchObject({ uses: [], unclaimed: true });
  });
});

describe("a ternary on an environment variable", () => {
  const ctx: ExtractContext = { paths: ["app/settings.py"], readFile: () => undefined };
  it.each([
    ['kind = "postgres" if "DB_HOST" in os.environ else "sqlite"', "sqlite"],
    ['kind = "sqlite" if "DB_HOST" not in os.environ else "postgres"', "sqlite"],
    ['kind = "sqlite" if not os.getenv("DB_HOST") else "postgres"', "sqlite"],
  ])("%s falls back to %s", (line, engine) => {
    const content = [
      "INSTALLED_APPS = []",
      line,
      'if kind == "postgres":',
      '    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}',
      "else:",
      '    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}}',
      "",
    ].join("\n");
    const uses = django.extract({ path: "app/settings.py", content }, ctx).uses.filter((u) => u.kind === "database");
    expect(uses.map((u) => [u.environment, u.engine])).toEqual([["dev", engine]]);
  });
});

describe("a dev compose service that runs the app without the settings' selector", () => {
  const runs = project("runs");

  it("runs the settings' database fallback, cited at the service", () => {
    const { uses } = runs.run("docker-compose.yml");
    expect(uses.map((u) => [u.environment, u.kind, u.engine, u.line, u.name])).toEqual([
      ["dev", "database", "sqlite", 2, "web"],
    ]);
    expect(uses[0]?.raw).toBe(
      "service web builds the app and sets no DATABASE_URL: the settings' fallback (site/settings.py:10)",
    );
  });

  it("says nothing of a service that sets the selector, or whose variables come from an env file", () => {
    // docker-compose.yml's frontend builds a Node image: not the Django app.
    expect(runs.run("docker-compose.yml").uses.map((u) => u.name)).toEqual(["web"]);
    expect(runs.run("docker-compose.pg.yml").uses).toEqual([]);
    expect(runs.run("compose.env.yml").uses).toEqual([]);
  });
});
