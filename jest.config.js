// One `npm test` for the whole app. Each project names the part of the app it checks.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }]

/** @type {import('jest').Config} */
module.exports = {
  forceExit: true, // the real @vtex/api worker keeps timers alive after its server closes
  projects: [
    {
      displayName: 'domain',
      rootDir: __dirname,
      testMatch: ['<rootDir>/domain/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      // The local stack and tooling: the OMS sandbox, check:io, what `npm start` prints.
      displayName: 'dev',
      rootDir: __dirname,
      testMatch: ['<rootDir>/dev/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'service',
      rootDir: __dirname,
      testMatch: ['<rootDir>/node/**/*.test.ts', '<rootDir>/test/service/**/*.test.ts', '<rootDir>/test/security/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      // Tests outside node/ use the service's own packages (graphql, @vtex/api).
      modulePaths: ['<rootDir>/node/node_modules'],
    },
    '<rootDir>/react',
    {
      displayName: 'browser',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      // Unpacks npm's Chromium once for every browser test file (or takes CHROMIUM_PATH).
      globalSetup: '<rootDir>/test/browser/support/unpackChromium.ts',
    },
  ],
}
