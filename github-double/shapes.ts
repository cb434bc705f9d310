/** REST response shapes of the double, one module per area; this module re-exports them all. */
export { minimalRepo, repoJson, simpleUser } from "./shapes-account";
export { deploymentJson, deploymentStatusJson, runJson } from "./shapes-actions";
export { commitJson, releaseJson, tagJson } from "./shapes-git";
export { checkRunJson, commentJson, pullJson, reviewCommentJson, reviewJson } from "./shapes-pulls";
