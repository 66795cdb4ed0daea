// Loads a .gql file as a graphql-tag document, as IO's react builder does.
module.exports = {
  process(source) {
    return {
      code: `module.exports = require('graphql-tag')(${JSON.stringify(source)});`,
    }
  },
}
