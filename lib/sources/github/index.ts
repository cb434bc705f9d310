export { type CacheEntry, type EtagCache, memoryCache } from "./cache";
export { createGitHubClient, type GitHubAuth, type GitHubClient, type GitHubClientConfig } from "./client";
export type { DeployWorkflow } from "./deploy-workflows";
export { SourceError, type SourceErrorCode } from "./errors";
export { fetchGitHubSnapshot, type GitHubSnapshotOptions, type GitHubSnapshotResult } from "./snapshot";
