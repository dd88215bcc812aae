// The smaller form of the scale suite that `npm test` runs (test/scale/ci.test.ts): one queue-mode cluster,
// one fault of each kind, fewer codes. `npm run test:scale` (jest.scale.config.js) runs the whole suite.
process.env.SCALE_FORM = 'ci';
const scale = require('./jest.scale.config.js');

/** @type {import('jest').Config} */
module.exports = { ...scale, testMatch: ['<rootDir>/test/scale/ci.test.ts'], testPathIgnorePatterns: ['/node_modules/'] };
