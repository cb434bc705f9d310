import type { Format } from "../../types";
import { extractTestDoubles } from "./extract";

/**
 * Test code that swaps a backing service's client for a double (`ioredis-mock`, a deep mock of a
 * Prisma client, `go-sqlmock`, `fakeredis`). Globs stay on test sources, test setup files and test
 * runner configs; files that wire in no double are left unclaimed.
 */
export const testDoublesFormat = {
  id: "test-doubles",
  title: "Test doubles of service clients in test code",
  patterns: [
    "**/*.{test,spec,e2e-spec,int-spec}.{ts,js,mts,mjs,cts,cjs}",
    "**/{test,tests,__tests__,__mocks__,integration}/**/*.{ts,js,mts,mjs,cjs,py}",
    "**/{jest,vitest}.{setup,config}.{ts,js,mts,mjs,cjs}",
    "**/setupTests.{ts,js}",
    "**/{conftest,test_*,*_test}.py",
    "**/*_test.go",
    "**/spec/{spec_helper,rails_helper}.rb",
    "**/spec/support/**/*.rb",
    "**/test/test_helper.rb",
  ],
  extract: extractTestDoubles,
} satisfies Format;
