// The quick form of the scale suite (`npm run test:scale:quick`, test/scale/quick.test.ts): one queue-mode
// cluster, one fault of each kind, fewer codes. `npm run test:scale` (jest.scale.config.js) runs the whole suite.
const scale = require('./jest.scale.config.js');

/** @type {import('jest').Config} */
module.exports = { ...scale, testMatch: ['<rootDir>/test/scale/quick.test.ts'], testPathIgnorePatterns: ['/node_modules/'] };
