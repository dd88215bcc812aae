// `npm run bench`: benchmarks that print ratios against a baseline measured in the same run.
// They assert nothing about time; they run the real node through n8n-core against the simulator.
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/bench'],
	testMatch: ['<rootDir>/bench/**/*.bench.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setup/n8nEnvironment.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/removeUserFolder.js'],
	cacheDirectory: '<rootDir>/.jest-cache',
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
	verbose: false,
};
