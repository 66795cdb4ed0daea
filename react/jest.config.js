// The admin page's tests, as one project of the root jest config ('<rootDir>/react'). The test
// tooling (jest-environment-jsdom, ts-jest, Testing Library, the npm copy of the styleguide)
// is installed at the repository root, so react/package.json holds only what the IO react
// builder needs; packages both sides use resolve to react/node_modules, so there is one React.
const SHARED_WITH_THE_PAGE = ['react', 'react-dom', 'react-intl', 'react-apollo', 'graphql', 'apollo-client', 'apollo-cache', 'apollo-link', 'apollo-utilities']

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'react',
  rootDir: __dirname,
  testMatch: ['<rootDir>/__tests__/**/*.test.ts?(x)'],
  testEnvironment: require.resolve('jest-environment-jsdom'),
  transform: {
    '^.+\\.tsx?$': [require.resolve('ts-jest'), { tsconfig: '<rootDir>/../tsconfig.react-local.json' }],
    '^.+\\.gql$': '<rootDir>/jest/graphqlTransform.js',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json', 'gql'],
  moduleNameMapper: {
    [`^(${SHARED_WITH_THE_PAGE.join('|')})(/.*)?$`]: '<rootDir>/node_modules/$1$2',
    '^vtex\\.styleguide$': '@vtex/styleguide',
    '^vtex\\.render-runtime$': '<rootDir>/local/renderRuntime.tsx',
    '\\.css$': '<rootDir>/jest/styleStub.js',
  },
  setupFilesAfterEnv: ['<rootDir>/jest/setup.ts'],
}
