// `npm run bench`: benchmarks whose figures are ratios against a baseline or ideal measured in the same run.
// They assert nothing about time. Each bench file records its rows; globalTeardown prints them as one table
// (with the machine) and writes bench/results.json. See bench/measure.ts and the README's Benchmarks section.
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/bench'],
	testMatch: ['<rootDir>/bench/**/*.bench.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setup/n8nEnvironment.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/removeUserFolder.js'],
	globalSetup: '<rootDir>/bench/globalSetup.ts',
	globalTeardown: '<rootDir>/bench/globalTeardown.ts',
	cacheDirectory: '<rootDir>/.jest-cache',
	testTimeout: 20 * 60 * 1000,
	maxWorkers: 1,
	verbose: false,
};
