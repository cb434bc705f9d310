/**
 * The service containers the fixes add (a CI `services:` block, a dev compose service), per
 * engine, at prod's version: official images whose tags exist at the catalog's granularity
 * (`postgres:16`, `mysql:8.0`, `rabbitmq:3.13-management`), with a health check so the tests or
 * the app start after the server is ready. Engines missing here get no plan: cloud services need
 * an emulator pinned to a release (MinIO, ElasticMQ, Azurite, fake-gcs-server), which cannot be
 * chosen offline, and search engines need per-version security settings.
 */
export interface ServiceTemplate {
  /** Service name in the file (`postgres`, `redis`). */
  name: string;
  image(version: string): string;
  port: number;
  environment: [string, string][];
  /** Shell command that succeeds once the server accepts connections; null when the image has no shell. */
  health: string | null;
  /** The connection URL an app on the host uses (`.env` style), null when there is no common one. */
  url: { key: string; value: string } | null;
}

export const SERVICE_TEMPLATES: Readonly<Record<string, ServiceTemplate>> = {
  postgres: {
    name: "postgres",
    image: (version) => `postgres:${version}`,
    port: 5432,
    environment: [
      ["POSTGRES_USER", "postgres"],
      ["POSTGRES_PASSWORD", "postgres"],
      ["POSTGRES_DB", "app"],
    ],
    health: "pg_isready -U postgres",
    url: { key: "DATABASE_URL", value: "postgres://postgres:postgres@localhost:5432/app" },
  },
  mysql: {
    name: "mysql",
    image: (version) => `mysql:${version}`,
    port: 3306,
    environment: [
      ["MYSQL_ROOT_PASSWORD", "mysql"],
      ["MYSQL_DATABASE", "app"],
    ],
    health: "mysqladmin ping -h 127.0.0.1 -pmysql",
    url: { key: "DATABASE_URL", value: "mysql://root:mysql@localhost:3306/app" },
  },
  mariadb: {
    name: "mariadb",
    image: (version) => `mariadb:${version}`,
    port: 3306,
    environment: [
      ["MARIADB_ROOT_PASSWORD", "mariadb"],
      ["MARIADB_DATABASE", "app"],
    ],
    health: "healthcheck.sh --connect --innodb_initialized",
    url: { key: "DATABASE_URL", value: "mysql://root:mariadb@localhost:3306/app" },
  },
  redis: {
    name: "redis",
    image: (version) => `redis:${version}`,
    port: 6379,
    environment: [],
    health: "redis-cli ping",
    url: { key: "REDIS_URL", value: "redis://localhost:6379/0" },
  },
  memcached: {
    name: "memcached",
    image: (version) => `memcached:${version}`,
    port: 11211,
    environment: [],
    health: null,
    url: null,
  },
  rabbitmq: {
    name: "rabbitmq",
    image: (version) => `rabbitmq:${version}-management`,
    port: 5672,
    environment: [],
    health: "rabbitmq-diagnostics -q ping",
    url: { key: "AMQP_URL", value: "amqp://guest:guest@localhost:5672" },
  },
  nats: {
    name: "nats",
    image: (version) => `nats:${version}`,
    port: 4222,
    environment: [],
    health: null,
    url: { key: "NATS_URL", value: "nats://localhost:4222" },
  },
};

/** Why an engine has no template, in one sentence. */
export function noTemplate(engine: string): string {
  const emulators: Record<string, string> = {
    s3: "MinIO",
    sqs: "ElasticMQ",
    gcs: "fake-gcs-server",
    "azure-blob": "Azurite",
    pubsub: "the Pub/Sub emulator",
    dynamodb: "DynamoDB Local",
  };
  const emulator = emulators[engine];
  if (emulator)
    return `prod's ${engine} is a cloud service: run ${emulator} pinned to a release you choose (not knowable offline)`;
  return `no service template for ${engine}: add it by hand`;
}
