// Jest config of the browser tests: plain node environment, TypeScript via
// the same SWC transform the Backstage CLI uses for package tests.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.test.ts'],
  testTimeout: 120_000,
  // The suites share one running portal: one at a time.
  maxWorkers: 1,
  transform: {
    '\\.ts$': [
      require.resolve('@backstage/cli/config/jestSwcTransform'),
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
};
