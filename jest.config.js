// Unit and integration tests: pure parsers, and our nodes run through n8n-core against the simulator.
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/integration/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setup/n8nEnvironment.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/noTokenLeaks.ts', '<rootDir>/test/setup/removeUserFolder.js'],
	cacheDirectory: '<rootDir>/.jest-cache',
	testTimeout: 30000,
	// Most integration tests wait on polls and timers, not the CPU: two workers halve the wall time.
	maxWorkers: 2,
};
