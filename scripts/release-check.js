// The checks .github/workflows/release.yml runs before it publishes (docs/RELEASING.md):
//
//   node scripts/release-check.js       the release itself: tag, version, repository, changelog
//   node scripts/release-check.js npm   the npm that will publish can use trusted publishing (>= 11.5.1)
//
// It reads the run from GitHub's variables (GITHUB_REF_TYPE, GITHUB_REF_NAME, GITHUB_REPOSITORY) and
// DRY_RUN ("true" for the workflow's dry run). A real publish fails on any problem; a dry run turns the
// problems that only concern a real publish (not on a tag, another repository such as a fork, no
// changelog entry yet) into warnings, so it can be tried from any branch.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/** The first npm that publishes through trusted publishing (OIDC) without a token. */
const MIN_NPM = [11, 5, 1];

/** `git+https://github.com/Owner/Repo.git`, `https://github.com/Owner/Repo` … → `owner/repo`; else null. */
function githubRepository(url) {
	const match = /^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com[/:]([^/]+)\/([^/#?]+?)(?:\.git)?\/?(?:[#?].*)?$/i.exec(
		String(url ?? ''),
	);
	return match ? `${match[1]}/${match[2]}`.toLowerCase() : null;
}

/**
 * What stands in the way of this release: `{ errors, warnings }`, each a list of sentences.
 * `pkg` is package.json, `changelog` CHANGELOG.md's text, `env` the workflow's environment.
 */
function releaseProblems({ pkg, changelog, env }) {
	const dryRun = env.DRY_RUN === 'true';
	const errors = [];
	const warnings = [];
	const publishOnly = (message) => (dryRun ? warnings : errors).push(message);
	const tag = `v${pkg.version}`;

	if (env.GITHUB_REF_TYPE === 'tag') {
		// Always an error: a tag that is not the version would publish another version than it names.
		if (env.GITHUB_REF_NAME !== tag) {
			errors.push(`the tag ${env.GITHUB_REF_NAME} is not package.json's version ${pkg.version} (expected the tag ${tag})`);
		}
	} else {
		publishOnly(`this run is on ${env.GITHUB_REF_NAME || 'no ref'}, not on a version tag: a release is published from the tag ${tag}`);
	}

	const fromUrl = githubRepository(pkg.repository && pkg.repository.url);
	const fromHomepage = githubRepository(pkg.homepage);
	if (!fromUrl) errors.push(`package.json's repository.url (${pkg.repository && pkg.repository.url}) is not a GitHub repository`);
	else if (fromHomepage !== fromUrl) errors.push(`package.json's homepage (${pkg.homepage}) is not the repository ${fromUrl}`);
	const here = String(env.GITHUB_REPOSITORY || '').toLowerCase();
	if (fromUrl && here && fromUrl !== here) {
		// npm rejects a provenance statement whose repository is not package.json's (HTTP 422).
		publishOnly(`package.json's repository is ${fromUrl} but this workflow runs in ${here}: fix repository.url and homepage`);
	}

	if (!new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog)) {
		publishOnly(`CHANGELOG.md has no "## [${pkg.version}] - YYYY-MM-DD" section: move Unreleased's entries there`);
	}

	if (env.GITHUB_ACTIONS === 'true' && !(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)) {
		errors.push('this job cannot request an OIDC token: it needs `permissions: id-token: write`');
	}
	return { errors, warnings };
}

/** Null when this npm can publish through trusted publishing, else why not. */
function npmProblem(version) {
	const parts = String(version).trim().split('.').map((part) => Number.parseInt(part, 10));
	if (parts.length < 3 || parts.some((part) => !Number.isFinite(part))) return `cannot read the npm version "${version}"`;
	for (let i = 0; i < 3; i++) {
		if (parts[i] > MIN_NPM[i]) return null;
		if (parts[i] < MIN_NPM[i]) {
			return `npm ${String(version).trim()} cannot publish through trusted publishing (OIDC): it needs npm ${MIN_NPM.join('.')} or later`;
		}
	}
	return null;
}

function report({ errors, warnings }) {
	// GitHub shows `::error::` / `::warning::` lines as annotations on the run.
	for (const warning of warnings) console.log(`::warning::${warning}`);
	for (const error of errors) console.log(`::error::${error}`);
	return errors.length === 0;
}

function main(argv) {
	if (argv[0] === 'npm') {
		const version = require('node:child_process').execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
		const problem = npmProblem(version);
		if (!report({ errors: problem ? [problem] : [], warnings: [] })) process.exit(1);
		console.log(`npm ${version} can publish through trusted publishing`);
		return;
	}
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
	if (!report(releaseProblems({ pkg, changelog, env: process.env }))) process.exit(1);
	console.log(`release check passed for ${pkg.name}@${pkg.version}${process.env.DRY_RUN === 'true' ? ' (dry run)' : ''}`);
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { githubRepository, releaseProblems, npmProblem, MIN_NPM };
