import type { ServiceKind } from "../../types";
import { awsCacheEngine, awsDatabaseEngine, awsSearchVersion } from "../shared/platform-helpers";

export interface CfnFact {
  kind: ServiceKind;
  engine: string;
  version: string | null;
  /** Properties whose line is the fact's line, best first (version, then engine). */
  at: string[];
}

/** `prop(name)` is a property's literal text, or null when absent or an intrinsic (`!Ref`). */
type Rule = (prop: (name: string) => string | null) => CfnFact | null;

function fixed(kind: ServiceKind, engine: string, versionProp?: string): Rule {
  return (prop) => ({
    kind,
    engine,
    version: versionProp ? prop(versionProp) : null,
    at: versionProp ? [versionProp] : [],
  });
}

function cache(versionProp: string, defaultEngine: string | null): Rule {
  return (prop) => {
    const engine = awsCacheEngine(prop("Engine") ?? defaultEngine);
    if (!engine || (defaultEngine === null && prop("Engine") === null)) return null;
    return { kind: "cache", engine, version: prop(versionProp), at: [versionProp, "Engine"] };
  };
}

const database: Rule = (prop) => {
  // An instance that joins a cluster is that cluster's database, already counted.
  if (prop("DBClusterIdentifier") !== null) return null;
  const engine = awsDatabaseEngine(prop("Engine") ?? "");
  return engine ? { kind: "database", engine, version: prop("EngineVersion"), at: ["EngineVersion", "Engine"] } : null;
};

/** CloudFormation resource types (docs.aws.amazon.com/AWSCloudFormation) and what they run. */
export const CFN_RULES: Record<string, Rule> = {
  "AWS::RDS::DBInstance": database,
  "AWS::RDS::DBCluster": database,
  "AWS::ElastiCache::CacheCluster": cache("EngineVersion", null),
  "AWS::ElastiCache::ReplicationGroup": cache("EngineVersion", "redis"),
  "AWS::ElastiCache::ServerlessCache": cache("MajorEngineVersion", null),
  "AWS::SQS::Queue": fixed("broker", "sqs"),
  "AWS::S3::Bucket": fixed("storage", "s3"),
  "AWS::DynamoDB::Table": fixed("database", "dynamodb"),
  "AWS::MSK::Cluster": fixed("broker", "kafka", "KafkaVersion"),
  "AWS::AmazonMQ::Broker": (prop) => {
    const type = (prop("EngineType") ?? "").toLowerCase();
    const engine = type === "rabbitmq" ? "rabbitmq" : type === "activemq" ? "activemq" : null;
    return engine
      ? { kind: "broker", engine, version: prop("EngineVersion"), at: ["EngineVersion", "EngineType"] }
      : null;
  },
  "AWS::OpenSearchService::Domain": (prop) => {
    const raw = prop("EngineVersion");
    const parsed = raw ? awsSearchVersion(raw) : { engine: "opensearch", version: null };
    return { kind: "search", engine: parsed.engine, version: parsed.version, at: ["EngineVersion"] };
  },
  "AWS::Elasticsearch::Domain": fixed("search", "elasticsearch", "ElasticsearchVersion"),
};
