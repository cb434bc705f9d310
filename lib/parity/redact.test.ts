import { describe, expect, it } from "vitest";
import { isNonCredentialValue, isPlaceholderValue, REDACTED, redactValue } from "./redact";

/*
 * Under a secret-looking key, only a credential is hidden: a placeholder, a flag, a path or the
 * name of the Secret key holding the credential is shown, so env-config can tell them apart.
 */
describe("redactValue", () => {
  it.each([
    // Credentials: hidden.
    ["POSTGRES_PASSWORD", "Sup3r-S3cret", REDACTED],
    ["APP_SECRET", "9f8e7d6c5b4a", REDACTED],
    ["MYSQL_PASSWORD", "P@ssw0rd", REDACTED],
    ["password", "1234", REDACTED],
    ["API_TOKEN", "MY_TEAM_TOKEN_2024", REDACTED],
    // Placeholders: shown.
    ["APP_SECRET", "replace-me-with-a-random-string", "replace-me-with-a-random-string"],
    ["SECRET_KEY", "changeme", "changeme"],
    ["JWT_SECRET", "<your-jwt-secret>", "<your-jwt-secret>"],
    ["API_KEY", "your_api_key_here", "your_api_key_here"],
    ["AWS_SECRET_ACCESS_KEY", "dummy", "dummy"],
    ["AWS_ACCESS_KEY_ID", "key", "key"],
    ["STRIPE_SECRET", "xxxx", "xxxx"],
    // Flags, paths and key names: shown.
    ["PASSWORD_RESET_DISABLED", "1", "1"],
    ["AUTH_ENABLED", "true", "true"],
    ["DB_PASSWORD_FILE", "/run/secrets/db_password", "/run/secrets/db_password"],
    ["userPasswordKey", "POSTGRES_USER_PASSWORD", "POSTGRES_USER_PASSWORD"],
    ["GOOGLE_API_KEY", "GOOGLE_API_KEY_VAL", "GOOGLE_API_KEY_VAL"],
    // Other keys: URLs lose their credentials.
    ["DATABASE_URL", "postgres://app:pw@db/app", `postgres://app:${REDACTED}@db/app`],
  ])("%s: %s -> %s", (key, value, shown) => {
    expect(redactValue(key, value)).toBe(shown);
  });

  it("tells placeholders and non-credentials apart from secrets", () => {
    expect(isPlaceholderValue("change_this_password")).toBe(true);
    expect(isPlaceholderValue("umami")).toBe(false);
    expect(isNonCredentialValue("apiKey", "sk_live_abc")).toBe(false);
    expect(isNonCredentialValue("tokenKey", "HF_TOKEN")).toBe(true);
    expect(isNonCredentialValue("PASSWORD", "/notapath")).toBe(false);
  });
});
