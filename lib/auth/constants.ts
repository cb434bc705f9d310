/** Cookie names, apart from the session code so the proxy can import them without the database. */
export const SESSION_COOKIE = "parity_session";
export const OAUTH_COOKIE = "parity_oauth";
