// The GitHub workflows (.github/workflows/) say what .ci/run, package.json and the scripts say: CI runs
// exactly .ci/run's commands (README's test command) on the Node.js the project develops on, caches the
// pinned n8n where and as scripts/n8nRuntime.js keeps it, and the release tests, checks and publishes
// with provenance in that order, with a dry run that publishes nothing. actionlint checks the rest of
// their syntax (npm run lint:workflows).
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Step {
	name?: string;
	id?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
	'continue-on-error'?: unknown;
}
interface Job {
	'runs-on': string;
	permissions?: Record<string, string>;
	env?: Record<string, string>;
	steps: Step[];
	'continue-on-error'?: unknown;
}
interface Workflow {
	on: Record<string, any>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const ci = workflow('ci.yml');
const release = workflow('release.yml');
const onlyJob = (w: Workflow) => {
	const jobs = Object.values(w.jobs);
	expect(jobs).toHaveLength(1);
	return jobs[0];
};
const ciJob = onlyJob(ci);
const releaseJob = onlyJob(release);

/** The commands .ci/run runs after its set-up lines (`set`, `cd`). */
function ciRunCommands(): string[] {
	return read('.ci/run')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#') && !/^(set|cd)\s/.test(line));
}

/** A job's `run` steps that run npm, in order: the test command and, in the release, the publish. */
const npmCommands = (job: Job) => job.steps.flatMap((step) => (step.run && /^npm\s/.test(step.run) ? [step.run.trim()] : []));
const indexOfRun = (job: Job, run: string) => job.steps.findIndex((step) => step.run?.trim() === run);
const setupNodes = (job: Job) => job.steps.filter((step) => step.uses?.startsWith('actions/setup-node@'));

describe('CI runs what .ci/run runs', () => {
	test('.ci/run is npm ci then npm test, and README gives that as the test command', () => {
		expect(ciRunCommands()).toEqual(['npm ci', 'npm test']);
		const readmeCommand = /^npm ci && npm test(?= |$)/m.exec(read('README.md'))?.[0];
		expect(readmeCommand).toBe(ciRunCommands().join(' && '));
	});

	test('the CI job runs exactly those commands, in that order, and nothing else through npm', () => {
		expect(npmCommands(ciJob)).toEqual(ciRunCommands());
	});

	test('CI runs on push and pull request, on Ubuntu, and no failure is ignored', () => {
		expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
		expect(ciJob['runs-on']).toMatch(/^ubuntu-/);
		expect(ciJob['continue-on-error']).toBeUndefined();
		for (const step of ciJob.steps) expect(step['continue-on-error']).toBeUndefined();
		expect(ci.permissions).toEqual({ contents: 'read' });
	});

	test('the release runs the same test command before it publishes', () => {
		const beforePublish = npmCommands(releaseJob).filter((command) => !command.startsWith('npm publish'));
		expect(beforePublish).toEqual(ciRunCommands());
	});
});

describe('Node.js version', () => {
	const nvmrc = read('.nvmrc').trim();
	const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

	test("package.json's engines.node is a lower bound and .nvmrc is its major", () => {
		// CI tests the oldest Node.js the package says it supports, the one the project develops on.
		const lower = /^>=\s*(\d+)(?:\.\d+){0,2}$/.exec(engines);
		expect(lower).not.toBeNull();
		expect(nvmrc).toBe((lower as RegExpExecArray)[1]);
	});

	test('both workflows set up Node.js from .nvmrc before installing and testing', () => {
		for (const job of [ciJob, releaseJob]) {
			const first = setupNodes(job)[0];
			expect(first.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
			expect(job.steps.indexOf(first)).toBeLessThan(indexOfRun(job, 'npm ci'));
		}
		expect(setupNodes(ciJob)).toHaveLength(1);
	});

	test('only npm publish runs on another Node.js (24, for trusted publishing), after the tests', () => {
		const [, publishNode, ...more] = setupNodes(releaseJob);
		expect(more).toEqual([]);
		expect(publishNode.with).toEqual({ 'node-version': '24' });
		expect(releaseJob.steps.indexOf(publishNode)).toBeGreaterThan(indexOfRun(releaseJob, 'node scripts/check-package.mjs'));
	});
});

describe('the pinned n8n is cached where scripts/n8nRuntime.js installs it', () => {
	const { runtimeDir } = require('../../scripts/n8nRuntime.js') as { runtimeDir: () => string };

	test("runtimeDir() is a folder named by the runtime lockfile's hash in the documented cache folder", () => {
		const dir = runtimeDir();
		expect(path.basename(dir)).toMatch(/^n8n-runtime-[0-9a-f]{16}$/);
		if (!process.env.SMS_VERIFICATION_N8N_HOME && !process.env.XDG_CACHE_HOME) {
			expect(path.dirname(dir)).toBe(path.join(os.homedir(), '.cache', 'n8n-nodes-sms-verification'));
		}
	});

	test.each([
		['ci.yml', ciJob],
		['release.yml', releaseJob],
	])('%s restores that folder under that name before npm test', (_file, job) => {
		const where = job.steps.find((step) => step.id === 'n8n-runtime') as Step;
		expect(where.run).toContain(`require('./scripts/n8nRuntime.js').runtimeDir()`);
		expect(where.run).toContain('echo "key=$(basename "$dir")"');
		const restore = job.steps.find((step) => step.uses?.startsWith('actions/cache/restore@')) as Step;
		expect(restore.with).toEqual({
			path: '${{ steps.n8n-runtime.outputs.dir }}',
			key: '${{ runner.os }}-${{ steps.n8n-runtime.outputs.key }}',
		});
		// The script needs the installed dependencies; the tests need the restored runtime.
		expect(job.steps.indexOf(where)).toBeGreaterThan(indexOfRun(job, 'npm ci'));
		expect(job.steps.indexOf(restore)).toBeLessThan(indexOfRun(job, 'npm test'));
	});

	test('CI saves it after npm test, whether or not the tests passed, unless it was restored', () => {
		const save = ciJob.steps.find((step) => step.uses?.startsWith('actions/cache/save@')) as Step;
		const restore = ciJob.steps.find((step) => step.uses?.startsWith('actions/cache/restore@')) as Step;
		expect(save.with).toEqual(restore.with);
		expect(save.if).toContain('!cancelled()');
		expect(save.if).toContain(`steps.${restore.id}.outputs.cache-hit != 'true'`);
		expect(ciJob.steps.indexOf(save)).toBeGreaterThan(indexOfRun(ciJob, 'npm test'));
	});
});

test("the editor test's browser is the runner image's Google Chrome, checked before the tests", () => {
	for (const job of [ciJob, releaseJob]) {
		expect(job.env?.CHROMIUM_PATH).toBe('/usr/bin/google-chrome');
		expect(indexOfRun(job, '"$CHROMIUM_PATH" --version')).toBeLessThan(indexOfRun(job, 'npm test'));
	}
});

describe('release', () => {
	const text = read('.github/workflows/release.yml');

	test('runs on a version tag, or by hand with a dry-run input that defaults to true', () => {
		expect(release.on.push).toEqual({ tags: ['v*'] });
		expect(release.on.workflow_dispatch.inputs['dry-run']).toMatchObject({ type: 'boolean', default: true });
		expect(releaseJob.env?.DRY_RUN).toBe("${{ github.event_name == 'workflow_dispatch' && inputs.dry-run }}");
	});

	test('authenticates with OIDC only: id-token: write for the job, no npm token anywhere', () => {
		expect(release.permissions).toEqual({ contents: 'read' });
		expect(releaseJob.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(text).not.toMatch(/secrets\.|NODE_AUTH_TOKEN|NPM_TOKEN|_authToken|registry-url/);
	});

	test('checks, tests, checks the tarball, then publishes with provenance (or a dry run of it)', () => {
		const order = [
			'node scripts/release-check.js',
			'npm ci',
			'npm test',
			'node scripts/check-package.mjs',
			'node scripts/release-check.js npm',
			'npm publish --provenance --access public --dry-run',
			'npm publish --provenance --access public',
		].map((run) => indexOfRun(releaseJob, run));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(npmCommands(releaseJob).filter((command) => command.startsWith('npm publish'))).toHaveLength(2);
	});

	test('the dry run and the real publish are exclusive and chosen by DRY_RUN', () => {
		const dry = releaseJob.steps[indexOfRun(releaseJob, 'npm publish --provenance --access public --dry-run')];
		const real = releaseJob.steps[indexOfRun(releaseJob, 'npm publish --provenance --access public')];
		expect(dry.if).toBe("env.DRY_RUN == 'true'");
		expect(real.if).toBe("env.DRY_RUN != 'true'");
		for (const step of releaseJob.steps) {
			if (step !== dry && step !== real) expect(step.if).toBeUndefined();
			expect(step['continue-on-error']).toBeUndefined();
		}
	});
});

test('npm test lints the workflows and runs n8n-node lint beside our own lint', () => {
	const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
	const steps = scripts.test.split('&&').map((step) => step.trim());
	expect(steps).toEqual(expect.arrayContaining(['npm run lint', 'npm run lint:n8n-node', 'npm run lint:workflows']));
	expect(scripts['lint:workflows']).toBe('node scripts/lint-workflows.js');
	expect(scripts['lint:n8n-node']).toBe('node scripts/n8n-node-lint.js');
});
