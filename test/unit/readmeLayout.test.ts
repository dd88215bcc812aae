// README's "Where a new test goes" agrees with the repository: every folder of test/ (and bench/) is named there,
// every folder it names exists, and each layer runs with the command and jest project it says.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = /\*\*Where a new test goes\*\*([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

/** The folders directly under test/, and bench/, that hold tracked files. */
const folders = [
	...new Set(
		execFileSync('git', ['ls-files', 'test', 'bench'], { cwd: ROOT, encoding: 'utf8' })
			.split('\n')
			.filter(Boolean)
			.map((file) => (file.startsWith('bench/') ? 'bench/' : `test/${file.split('/')[1]}/`)),
	),
].sort();

/** The layers of the table: folder → command. */
const rows = [...section.matchAll(/^\| `([^`]+\/)` \| [^|]+ \| `(npm run [^`]+)` \|$/gm)].map((m) => ({ folder: m[1], command: m[2] }));

test('the section exists and names every folder of test/ and bench/', () => {
	expect(section).not.toBe('');
	expect(folders.filter((folder) => !section.includes(`\`${folder}\``))).toEqual([]);
});

test('every folder the section names exists', () => {
	const named = [...section.matchAll(/`((?:test|bench)\/[\w/.-]*)`/g)].map((m) => m[1]);
	expect(named.length).toBeGreaterThan(0);
	// Names given as `fixtures/` or `browser/` are relative to the folder just named; full ones are checked.
	expect(named.filter((name) => !existsSync(path.join(ROOT, name)))).toEqual([]);
});

test('each layer runs with the npm script the table gives, and that script runs that folder', () => {
	const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
	const jestProjects = require(path.join(ROOT, 'jest.config.js')) as { projects: Array<{ displayName: string; testMatch: string[] }> };
	expect(rows.map((row) => row.folder)).toEqual(['test/unit/', 'test/integration/', 'test/e2e/', 'test/scale/', 'bench/']);
	for (const { folder, command } of rows) {
		const script = scripts[command.replace('npm run ', '')];
		expect(script).toBeDefined();
		const project = /--selectProjects (\w+)/.exec(script)?.[1];
		if (project) {
			const config = jestProjects.projects.find((p) => p.displayName === project);
			expect(config?.testMatch).toEqual([`<rootDir>/${folder}**/*.test.ts`]);
		} else {
			// test:e2e and bench use a config of their own, which names the folder.
			const configFile = /-c (\S+)/.exec(script)?.[1] ?? '';
			expect(readFileSync(path.join(ROOT, configFile), 'utf8')).toContain(`<rootDir>/${folder}`);
		}
	}
});
