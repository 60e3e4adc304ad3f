// Jest: TypeScript through ts-jest; one global Neo4j for the whole run (tests/setup/globalSetup.ts). Tests run
// one file at a time because integration tests share that database and clean it between tests.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
  maxWorkers: 1,
  testTimeout: 60000,
  verbose: false,
};
