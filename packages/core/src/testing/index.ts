/** Test helpers shared by the packages' test suites (never imported by production code). */
export * from "./shared";
