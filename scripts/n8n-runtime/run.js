// Runs the installed n8n (install.js): its environment, loading this package into a user folder, one CLI
// command at a time (imports, `execute`), and `n8n start` until it serves requests. Change it when how n8n
// is driven changes, e.g. a new CLI command, an n8n setting, or a new answer to read.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const { npmEnv, withPathFirst } = require('./childEnv');
const { PACKAGE_NAME, ensureN8n, nodeBinDir } = require('./install');
const { elapsed } = require('./progress');

/** The environment n8n runs with: a private user folder, no calls home, loopback only. */
function n8nEnv({ userFolder, port, brokerPort, extra = {} } = {}) {
	const env = npmEnv();
	// Inherited settings would change n8n: jest sets NODE_ENV=test (n8n's CLI then prints nothing), and
	// a developer's own N8N_* variables or NODE_OPTIONS would leak into a set-up meant to be the same
	// everywhere.
	for (const key of Object.keys(env)) {
		if (/^(N8N_|JEST_)/.test(key) || key === 'NODE_ENV' || key === 'NODE_OPTIONS') delete env[key];
	}
	Object.assign(env, withPathFirst(env, nodeBinDir())); // n8n's task runners are started with `node`
	Object.assign(env, {
		N8N_USER_FOLDER: userFolder,
		// Nothing fetched from n8n.io (no telemetry, update checks, templates, banners, vetted-node or MCP
		// server lists): offline machines would only log errors for them.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_PERSONALIZATION_ENABLED: 'false',
		// Only the JavaScript task runner: the Python one needs a virtualenv n8n does not install.
		N8N_PYTHON_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
	});
	if (port) env.N8N_PORT = String(port);
	// n8n's task-runner broker listens on 5679 by default even for CLI commands; a fixed port would
	// collide with any other n8n on the machine.
	if (brokerPort) env.N8N_RUNNERS_BROKER_PORT = String(brokerPort);
	return { ...env, ...extra };
}

/** Makes n8n load this package (its `n8n` block points at dist/) from the user folder. */
function linkPackage(userFolder, packageRoot) {
	const modules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	fs.mkdirSync(modules, { recursive: true });
	const link = path.join(modules, PACKAGE_NAME);
	fs.rmSync(link, { recursive: true, force: true });
	// A junction on Windows (no administrator rights needed); the type is ignored elsewhere.
	fs.symlinkSync(path.resolve(packageRoot), link, 'junction');
	return link;
}

/** Runs one n8n CLI command (each boots n8n: ≈ 5 s). Resolves with its output, whatever the exit code. */
async function n8nCli(args, { userFolder, env = {}, timeoutMs = 120_000 } = {}) {
	const runtime = await ensureN8n();
	const brokerPort = await freePort();
	return new Promise((resolve, reject) => {
		const child = spawn(runtime.nodeBin, [runtime.n8nBin, ...args], {
			cwd: workDir(userFolder),
			env: n8nEnv({ userFolder, brokerPort, extra: env }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ stdout, stderr, code: code ?? (signal ? `killed by ${signal}` : null) });
		});
	});
}

// n8n loads a `.env` file from its working directory: run it in the user folder, not wherever the
// caller happens to be.
function workDir(userFolder) {
	fs.mkdirSync(userFolder, { recursive: true });
	return userFolder;
}

// import:* take a file; it lives in the user folder so nothing else needs cleaning up.
async function importFile(userFolder, command, entities) {
	const file = path.join(userFolder, `${command.replace(':', '-')}-${process.pid}-${Date.now()}.json`);
	fs.mkdirSync(userFolder, { recursive: true });
	fs.writeFileSync(file, JSON.stringify(entities, null, 2), { mode: 0o600 });
	try {
		const result = await n8nCli([command, `--input=${file}`], { userFolder });
		if (result.code !== 0) throw cliError(`n8n ${command} failed`, result);
		return result;
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** `creds`: [{ id, name, type, data: { …plain values… } }]; n8n encrypts them on import. */
function importCredentials(userFolder, creds) {
	return importFile(userFolder, 'import:credentials', creds);
}

/** `workflows`: an array of workflow objects with ids; one CLI call for all of them. */
function importWorkflows(userFolder, workflows) {
	return importFile(userFolder, 'import:workflow', workflows);
}

/**
 * Runs a saved workflow with `n8n execute` and returns n8n's whole execution object (items at
 * `data.resultData.runData[<node name>][0].data.main[0][i].json`, a failure at `data.resultData.error`).
 * A failed run also resolves (check `status`); only a run that printed no execution throws.
 */
async function executeWorkflow(userFolder, id) {
	const result = await n8nCli(['execute', `--id=${id}`, '--rawOutput'], { userFolder });
	const execution = parseExecution(result.stdout);
	if (!execution) throw cliError(`n8n execute --id=${id} printed no execution`, result);
	return execution;
}

// The execution is pretty-printed JSON after a few log lines, so it starts at the first line starting
// with `{` and ends at a line starting with `}`; a failed run prints more log lines after it.
function parseExecution(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start === -1) return undefined;
	for (let end = start; end < lines.length; end++) {
		if (!lines[end].startsWith('}')) continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// a `}` line inside a multi-line string value: keep looking
		}
	}
	return undefined;
}

function cliError(what, { code, stdout, stderr }) {
	return new Error(`${what} (exit ${code})\n--- stdout\n${stdout.trim()}\n--- stderr\n${stderr.trim()}`);
}

/**
 * Starts `n8n start` and resolves once it serves requests, with its URL and `stop()` (SIGTERM, then
 * SIGKILL if it hangs). Its log goes to `onOutput` and the last 20 kB stay in memory (`output()`).
 */
async function startN8n({ userFolder, port, brokerPort, env = {}, log = () => {}, onOutput, timeoutMs = 120_000 }) {
	const runtime = await ensureN8n({ log });
	port = port || (await freePort());
	brokerPort = brokerPort || (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, 'start'], {
		cwd: workDir(userFolder),
		env: n8nEnv({ userFolder, port, brokerPort, extra: env }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const keep = (chunk) => {
		output = (output + chunk).slice(-20_000);
		onOutput?.(chunk);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal || code)));
	let running = true;
	exited.then(() => (running = false));

	const stop = async () => {
		if (!running) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	};

	const started = Date.now();
	// /healthz/readiness answers 200 only once the database is migrated and connected, i.e. the REST
	// API (owner set-up, login) is usable, not just the HTTP listener.
	while (!(await isReady(`${url}/healthz/readiness`))) {
		if (!running) throw new Error(`n8n exited before it was ready:\n${output}`);
		if (Date.now() - started > timeoutMs) {
			await stop();
			throw new Error(`n8n was not ready after ${elapsed(started)}:\n${output}`);
		}
		await sleep(250);
	}
	return { url, port, brokerPort, stop, output: () => output, process: child };
}

async function isReady(url) {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
		return response.ok;
	} catch {
		return false;
	}
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

module.exports = {
	n8nEnv,
	linkPackage,
	n8nCli,
	importCredentials,
	importWorkflows,
	executeWorkflow,
	startN8n,
	freePort,
};
