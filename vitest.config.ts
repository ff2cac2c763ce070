import { defineConfig } from "vitest/config";
import TotalsReporter from "./test/support/totals-reporter.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // End-to-end tests spawn CLI children and servers; two cores are shared between them.
    maxWorkers: 2,
    reporters: ["default", new TotalsReporter()],
  },
});
