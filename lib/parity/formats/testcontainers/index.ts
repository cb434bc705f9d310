import type { ExtractContext, Format, FormatFile } from "../../types";
import { extractTestcontainers } from "./extract";

/**
 * Test code that starts Testcontainers. Globs stay on test sources only (not all code), and
 * vendored trees are skipped in `extract`.
 */
export const testcontainersFormat = {
  id: "testcontainers",
  title: "Testcontainers in test code",
  patterns: [
    "**/src/test/**/*.{java,kt}",
    "**/src/integrationTest/**/*.{java,kt}",
    "**/*.{test,spec,e2e-spec,int-spec}.{ts,js,mts,mjs}",
    "**/{test,tests,__tests__,integration}/**/*.{ts,js,py}",
    "**/{conftest,test_*}.py",
    "**/*_test.go",
  ],
  // Compose files that Spring Boot's docker-compose support starts from a test.
  reads: ["**/{compose,docker-compose}.{yml,yaml}"],
  extract(file: FormatFile, ctx: ExtractContext) {
    // Vendored dependencies' tests are not this repository's test environment.
    if (/(^|\/)(node_modules|vendor)\//.test(file.path)) return { uses: [], problems: [] };
    return extractTestcontainers(file, ctx);
  },
} satisfies Format;
