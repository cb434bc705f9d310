import type { World } from "./world";

/**
 * People who sign in to Parity through the double: `maya-l` works at acme and reads its private
 * repositories; `guest-gail` is an outside contractor who sees public repositories only. Two of
 * acme's repositories become private so the two see different lists.
 */
export const OAUTH_CLIENT = { id: "Iv1.parity-double", secret: "double-oauth-client-secret" } as const;
export const PRIVATE_REPOSITORIES = ["acme/ledger", "acme/billing"] as const;
export const USERS = { member: "maya-l", outsider: "guest-gail" } as const;

export function seedUsers(world: World): World {
  world.oauthApps.set(OAUTH_CLIENT.id, OAUTH_CLIENT.secret);
  for (const fullName of PRIVATE_REPOSITORIES) {
    const repo = world.repos.get(fullName);
    if (repo) repo.private = true;
  }
  world.addUser(USERS.member, { repos: PRIVATE_REPOSITORIES });
  world.addUser(USERS.outsider);
  return world;
}
