/**
 * The ports the e2e suite starts its servers on. `E2E_PORT_OFFSET` moves all three, so two
 * checkouts on one machine (a second worktree, a CI clone) can run the suite side by side.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

/** The app in local mode, on a fresh embedded database (or DATABASE_URL's server). */
export const APP_PORT = 3100 + offset;
/** The same app in team mode (sign-in with GitHub through the double): e2e/auth.spec.ts. */
export const TEAM_PORT = 3101 + offset;
/** The GitHub double with the seeded `acme` organisation: the app audits through it. */
export const GITHUB_PORT = 4110 + offset;

export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const GITHUB_URL = `http://127.0.0.1:${GITHUB_PORT}`;
