// The admin page's tests, as one project of the root jest config ('<rootDir>/react') and
// runnable on their own from react/. Everything resolves from react/node_modules so the
// React toolchain (jsdom, ts-jest, React 16) never mixes with the service's.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'react',
  rootDir: __dirname,
  testMatch: ['<rootDir>/__tests__/**/*.test.ts?(x)'],
  testEnvironment: require.resolve('jest-environment-jsdom'),
  transform: {
    '^.+\\.tsx?$': [
      require.resolve('ts-jest'),
      { tsconfig: '<rootDir>/tsconfig.json' },
    ],
    '^.+\\.gql$': '<rootDir>/jest/graphqlTransform.js',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json', 'gql'],
  moduleNameMapper: {
    '^vtex\\.styleguide$': '@vtex/styleguide',
    '^vtex\\.render-runtime$': '<rootDir>/local/renderRuntime.tsx',
    '\\.css$': '<rootDir>/jest/styleStub.js',
  },
  setupFilesAfterEnv: ['<rootDir>/jest/setup.ts'],
}
