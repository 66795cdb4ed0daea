// The styleguide requires its CSS (some as CSS modules); class names do not matter in jsdom.
module.exports = {}
