// The scale suite (`npm run test:scale`, README "Scaling"): the built package in the real, pinned n8n in
// queue mode (Redis, PostgreSQL, one main and two workers) on this machine. Its files run one at a time:
// each starts its own services and n8n processes on free ports. `npm test` runs it too;
// jest.scale.quick.config.js runs a quick form (test/scale/quick.test.ts).
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/scale/**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/scale/quick.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	cacheDirectory: '<rootDir>/.jest-cache',
	testTimeout: 30 * 60 * 1000,
	maxWorkers: 1,
};
