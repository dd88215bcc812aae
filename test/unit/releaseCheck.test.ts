// scripts/release-check.js: what the release workflow refuses before it publishes, and what a dry run
// only warns about; and CHANGELOG.md, whose sections it reads.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const { githubRepository, releaseProblems, npmProblem } = require('../../scripts/release-check.js') as {
	githubRepository: (url: unknown) => string | null;
	releaseProblems: (input: { pkg: Package; changelog: string; env: Record<string, string | undefined> }) => {
		errors: string[];
		warnings: string[];
	};
	npmProblem: (version: string) => string | null;
};

interface Package {
	name: string;
	version: string;
	homepage?: string;
	repository?: { type: string; url: string };
}

const pkg: Package = {
	name: 'n8n-nodes-sms-verification',
	version: '1.2.3',
	homepage: 'https://github.com/Owner/Repo#readme',
	repository: { type: 'git', url: 'git+https://github.com/Owner/Repo.git' },
};
const changelog = '# Changelog\n\n## [Unreleased]\n\n## [1.2.3] - 2027-01-15\n\n### Added\n\n- Things.\n';
const tagRun = {
	GITHUB_REF_TYPE: 'tag',
	GITHUB_REF_NAME: 'v1.2.3',
	GITHUB_REPOSITORY: 'owner/repo',
	DRY_RUN: 'false',
	GITHUB_ACTIONS: 'true',
	ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example',
	ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x',
};

test('GitHub repository URLs in the forms npm writes', () => {
	expect(githubRepository('git+https://github.com/Owner/Repo.git')).toBe('owner/repo');
	expect(githubRepository('https://github.com/Owner/Repo')).toBe('owner/repo');
	expect(githubRepository('https://github.com/Owner/Repo#readme')).toBe('owner/repo');
	expect(githubRepository('git+ssh://git@github.com/Owner/Repo.git')).toBe('owner/repo');
	expect(githubRepository('https://gitlab.com/Owner/Repo')).toBeNull();
	expect(githubRepository(undefined)).toBeNull();
});

test('a tag that is the version, on the repository package.json names, with a changelog entry, passes', () => {
	expect(releaseProblems({ pkg, changelog, env: tagRun })).toEqual({ errors: [], warnings: [] });
});

test('a tag that is not the version fails, in a dry run too', () => {
	for (const DRY_RUN of ['false', 'true']) {
		const { errors } = releaseProblems({ pkg, changelog, env: { ...tagRun, GITHUB_REF_NAME: 'v1.2.4', DRY_RUN } });
		expect(errors).toEqual([expect.stringContaining('the tag v1.2.4 is not package.json\'s version 1.2.3')]);
	}
});

test('a real publish needs a tag, this repository and a changelog section; a dry run only warns', () => {
	const env = { ...tagRun, GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main', GITHUB_REPOSITORY: 'fork/repo' };
	const input = { pkg, changelog: '## [Unreleased]\n', env };
	const real = releaseProblems(input);
	expect(real.errors).toHaveLength(3);
	expect(real.errors.join('\n')).toMatch(/not on a version tag[\s\S]*fork\/repo[\s\S]*CHANGELOG\.md has no "## \[1\.2\.3\]/);
	const dry = releaseProblems({ ...input, env: { ...env, DRY_RUN: 'true' } });
	expect(dry).toEqual({ errors: [], warnings: real.errors });
});

test("package.json's homepage must be the repository's", () => {
	const other = { ...pkg, homepage: 'https://example.com' };
	expect(releaseProblems({ pkg: other, changelog, env: tagRun }).errors).toEqual([
		expect.stringContaining('homepage (https://example.com) is not the repository owner/repo'),
	]);
});

test('a job without id-token: write cannot publish, and says why', () => {
	const env = { ...tagRun, ACTIONS_ID_TOKEN_REQUEST_URL: undefined };
	expect(releaseProblems({ pkg, changelog, env }).errors).toEqual([expect.stringContaining('id-token: write')]);
});

test('trusted publishing needs npm 11.5.1 or later', () => {
	expect(npmProblem('11.5.1')).toBeNull();
	expect(npmProblem('11.6.0\n')).toBeNull();
	expect(npmProblem('12.0.0')).toBeNull();
	expect(npmProblem('11.5.0')).toContain('needs npm 11.5.1 or later');
	expect(npmProblem('10.9.2')).toContain('needs npm 11.5.1 or later');
	expect(npmProblem('eleven')).toContain('cannot read');
});

test("CHANGELOG.md is in Keep a Changelog form, and README's Version history points at it", () => {
	const root = path.join(__dirname, '..', '..');
	const text = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
	expect(text).toMatch(/^# Changelog\n/);
	expect(text).toMatch(/^## \[Unreleased\]$/m);
	// Every version section has the form the release check looks for.
	for (const heading of text.match(/^## .*$/gm) ?? []) {
		expect(heading).toMatch(/^## \[(Unreleased|\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\](?: - \d{4}-\d{2}-\d{2})?$/);
	}
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const history = readme.slice(readme.indexOf('\n## Version history\n'));
	expect(history).toContain('(CHANGELOG.md)');
});
