// Installs the real n8n (2.41.1, which needs Node 24) that `npm start` and the e2e tests run our built
// package in, once per machine, and says where it is. Change it when what is installed, where, or how
// changes; the lock it takes is lock.js, the Node 24 it runs n8n with is chosen in platform.js, running
// n8n is run.js.
//
// It is far too big (≈ 3 GB, ≈ 5 min) to be a dependency of this package, so it is installed into a cache
// folder outside the clone, from the lockfile in this folder (scripts/n8n-runtime/) and keyed by that
// lockfile's hash and the platform: changing the pinned versions installs a fresh copy, the rest of the
// time it is reused. Everything here runs under the development Node (20); n8n itself is always run with
// Node 24.
'use strict';

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { npmEnv, withPathFirst } = require('./childEnv');
const { acquireLock, isAlive } = require('./lock');
const { resolveNode } = require('./platform');
const { PROGRESS_EVERY_MS, defaultLog, elapsed } = require('./progress');

const RUNTIME_SPEC = __dirname;
const PACKAGE_NAME = require('../../package.json').name;
const MARKER = '.install-complete.json';

const readLockfile = () => fs.readFileSync(path.join(RUNTIME_SPEC, 'package-lock.json'));

// The platform is part of the key: sqlite3 is compiled for it, and a cache folder may be shared.
function runtimeKey() {
	const hash = crypto.createHash('sha256').update(readLockfile()).update(`\n${process.platform}-${process.arch}`);
	return hash.digest('hex').slice(0, 16);
}

/** The Node 24 n8n runs with here (platform.js); throws, saying what to install, where there is none. */
const nodeForN8n = () => resolveNode(JSON.parse(readLockfile().toString('utf8')));

/** Where the runtime for the current lockfile lives (whether or not it is installed yet). */
function runtimeDir() {
	const base =
		process.env.SMS_VERIFICATION_N8N_HOME ||
		path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), PACKAGE_NAME);
	return path.join(base, `n8n-runtime-${runtimeKey()}`);
}

/** The Node binary n8n runs with: the pinned package's in `dir`, or the installed one chosen. */
function nodeBinIn(dir, node) {
	return node.source === 'package' ? path.join(dir, 'node_modules', node.name, 'bin', 'node') : node.bin;
}

function describeRuntime(dir, node) {
	return {
		dir,
		node,
		nodeBin: nodeBinIn(dir, node),
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
	const node = nodeForN8n();
	const dir = runtimeDir();
	if (isInstalled(dir)) return describeRuntime(dir, node);

	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lock = await acquireLock(`${dir}.lock`, log, () => isInstalled(dir));
	try {
		if (!isInstalled(dir)) await install(dir, node, log, lock.heartbeat);
	} finally {
		lock.release();
	}
	return describeRuntime(dir, node);
}

async function install(dir, node, log, heartbeat) {
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
	const using = node.source === 'package' ? `${node.name}@${node.version}` : `Node ${node.version} (${node.bin})`;
	log(`installing n8n with ${using} into ${dir} (once per machine, ≈ 5 min; log: ${logFile})`);
	const started = Date.now();

	// Install scripts stay off for the whole tree (several packages would download or compile things);
	// only sqlite3, n8n's database driver, needs its native addon, built for Node 24. `npm ci` also installs
	// the pinned Node package that fits this machine (an optional dependency), if there is one.
	await runLogged('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: tmp,
		env: npmEnv(),
		logFile,
		log,
		heartbeat,
		what: 'downloading n8n and its dependencies (npm ci)',
	});
	const nodeBin = nodeBinIn(tmp, node);
	if (!fs.existsSync(nodeBin)) throw new Error(`npm ci did not install ${node.name} (${nodeBin} is missing); see ${logFile}`);
	// `node` on PATH runs the build scripts. With the pinned package, node-gyp compiles for the headers it
	// ships (nodedir: no header download) and prebuild-install skips its binary download from GitHub; with
	// an installed Node, sqlite3's own install script fetches its prebuilt addon or compiles it.
	const nodeDir = path.join(tmp, 'node_modules', node.name ?? '');
	const buildEnv =
		node.source === 'package' ? { npm_config_nodedir: nodeDir, npm_config_build_from_source: 'true' } : {};
	await runLogged('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
		cwd: tmp,
		env: { ...withPathFirst(npmEnv(), path.dirname(nodeBin)), ...buildEnv },
		logFile,
		log,
		heartbeat,
		what: 'compiling sqlite3 for Node 24 (npm rebuild sqlite3)',
	});

	const runtime = describeRuntime(tmp, node);
	fs.writeFileSync(
		path.join(tmp, MARKER),
		JSON.stringify({ n8n: runtime.n8nVersion, node, installedAt: new Date().toISOString() }, null, 2),
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

/** Runs a long command with its output in `logFile`, a progress line (and a lock heartbeat) every few seconds. */
function runLogged(command, args, { cwd, env, logFile, log, heartbeat, what }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
		// Windows runs npm through npm.cmd, which only a shell starts.
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out], shell: process.platform === 'win32' });
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

/** Where the Node that runs n8n lives, without installing anything (for n8n's PATH). */
const nodeBinDir = () => path.dirname(nodeBinIn(runtimeDir(), nodeForN8n()));

module.exports = { ensureN8n, runtimeDir, nodeBinDir, PACKAGE_NAME };
