// The tests jest runs by layer (README, "Development"): `unit` is pure and fast (parsers, normalizers,
// description checks that need no n8n-core); `integration` runs our nodes through n8n-core against the
// simulator. The end-to-end tests in a real n8n have their own config (jest.e2e.config.js).
const shared = {
	testEnvironment: 'node',
	cacheDirectory: '<rootDir>/.jest-cache',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
	// Most integration tests wait on polls and timers, not the CPU: two workers halve the wall time.
	maxWorkers: 2,
	projects: [
		{
			...shared,
			displayName: 'unit',
			rootDir: __dirname,
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
		},
		{
			...shared,
			displayName: 'integration',
			rootDir: __dirname,
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			setupFiles: ['<rootDir>/test/setup/n8nEnvironment.js'],
			// 30 s per test (test/setup/testTimeout.js): jest ignores `testTimeout` in a project's config.
			setupFilesAfterEnv: [
				'<rootDir>/test/setup/testTimeout.js',
				'<rootDir>/test/setup/noTokenLeaks.ts',
				'<rootDir>/test/setup/removeUserFolder.js',
			],
		},
	],
};
