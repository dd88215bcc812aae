// End-to-end tests: the built package inside a real, pinned n8n (installed once per machine by scripts/n8n-runtime/install.js).
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	cacheDirectory: '<rootDir>/.jest-cache',
	testTimeout: 20 * 60 * 1000,
	maxWorkers: 1,
};
