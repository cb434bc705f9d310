import { programWords } from "./shell";

/**
 * Services CI starts without a container: the runner's own packages (`systemctl start
 * postgresql`, `service mysql start`, `/etc/init.d/redis-server start`) and actions that install
 * a database on the runner (`ankane/setup-postgres`). The runner's packages carry no version the
 * workflow states; actions name theirs in an input.
 */

/** Unit or package names of the runner's services -> catalog image name. */
const UNITS: readonly (readonly [RegExp, string])[] = [
  [/^postgresql(@\d+(-\w+)?)?$|^postgres$/, "postgres"],
  [/^mysql(d)?$/, "mysql"],
  [/^mariadb$/, "mariadb"],
  [/^redis(-server)?$/, "redis"],
  [/^memcached$/, "memcached"],
  [/^mongod(b)?$/, "mongo"],
  [/^rabbitmq(-server)?$/, "rabbitmq"],
  [/^elasticsearch$/, "elasticsearch"],
];

function unitImage(unit: string): string | null {
  const name = unit.replace(/\.service$/, "").toLowerCase();
  for (const [pattern, image] of UNITS) if (pattern.test(name)) return image;
  return null;
}

/** The service a command starts on the runner, as an image name the catalog knows, or null. */
export function serviceStart(words: readonly string[]): { image: string; unit: string } | null {
  const w = programWords(words);
  const program = w[0] ?? "";
  let unit: string | undefined;
  if (program === "systemctl" && (w[1] === "start" || w[1] === "restart" || w[1] === "enable")) {
    unit = w.slice(2).find((word) => !word.startsWith("-"));
  } else if (program === "service" && (w[2] === "start" || w[2] === "restart")) {
    unit = w[1];
  } else if (program.startsWith("/etc/init.d/") && (w[1] === "start" || w[1] === "restart")) {
    unit = program.slice("/etc/init.d/".length);
  } else if (program === "brew" && w[1] === "services" && (w[2] === "start" || w[2] === "run")) {
    unit = w[3];
  } else if (program === "pg_ctlcluster" && w[3] === "start") {
    return { image: `postgres:${w[1] ?? ""}`.replace(/:$/, ""), unit: `pg_ctlcluster ${w[1] ?? ""}` };
  }
  if (!unit) return null;
  const image = unitImage(unit);
  if (!image) return null;
  // `postgresql@14` names the major.
  const major = /@(\d+)/.exec(unit)?.[1];
  return { image: major ? `${image}:${major}` : image, unit };
}

/** Actions that install a database or cache on the runner, and the inputs naming its version. */
const DATABASE_ACTIONS: Record<string, { image: string; inputs: readonly string[] }> = {
  "ankane/setup-postgres": { image: "postgres", inputs: ["postgres-version"] },
  "ankane/setup-mysql": { image: "mysql", inputs: ["mysql-version"] },
  "ankane/setup-mariadb": { image: "mariadb", inputs: ["mariadb-version"] },
  "ankane/setup-mongodb": { image: "mongo", inputs: ["mongodb-version"] },
  "ankane/setup-elasticsearch": { image: "elasticsearch", inputs: ["elasticsearch-version"] },
  "ankane/setup-opensearch": { image: "opensearchproject/opensearch", inputs: ["opensearch-version"] },
  "ankane/setup-redis": { image: "redis", inputs: ["redis-version"] },
  "shogo82148/actions-setup-mysql": { image: "mysql", inputs: ["mysql-version"] },
  "shogo82148/actions-setup-redis": { image: "redis", inputs: ["redis-version"] },
  "harmon758/postgresql-action": { image: "postgres", inputs: ["postgresql version"] },
  "ikalnytskyi/action-setup-postgres": { image: "postgres", inputs: ["postgres-version"] },
  "getong/mariadb-action": { image: "mariadb", inputs: ["mariadb version"] },
  "getong/mysql-action": { image: "mysql", inputs: ["mysql version"] },
  "mirromutth/mysql-action": { image: "mysql", inputs: ["mysql version"] },
  "supercharge/redis-github-action": { image: "redis", inputs: ["redis-version"] },
  "supercharge/mongodb-github-action": { image: "mongo", inputs: ["mongodb-version"] },
  "getong/elasticsearch-action": { image: "elasticsearch", inputs: ["elasticsearch version"] },
  "getong/rabbitmq-action": { image: "rabbitmq", inputs: ["rabbitmq version"] },
  "niden/actions-memcached": { image: "memcached", inputs: ["version"] },
};

/** The database action `uses:` names (lower-cased, without `@ref`), or null. */
export function databaseAction(name: string): { image: string; inputs: readonly string[] } | null {
  return DATABASE_ACTIONS[name] ?? null;
}
