// The services n8n's queue mode needs besides n8n itself, run from Debian's packages on this machine for
// the scale suite: Redis (the job queue) and PostgreSQL (the database every main and worker shares). Each
// runs on a free port of 127.0.0.1 with its data in a temporary folder, and is stopped (and the folder
// removed) by the suite. Missing packages are installed with apt-get when running as root (or with sudo when
// it asks no password, as on CI runners); otherwise the suite stops with a message saying what to install.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { runtime } from '../e2e/harness';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function which(command: string): string | undefined {
	const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : undefined;
}

/** PostgreSQL's server programs: on PATH, or Debian's /usr/lib/postgresql/<major>/bin (newest first). */
function postgresBin(): string | undefined {
	const onPath = which('pg_ctl');
	if (onPath && which('initdb')) return path.dirname(fs.realpathSync(onPath));
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return undefined;
	const majors = fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
	return majors.map((v) => path.join(base, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'pg_ctl')));
}

/**
 * Makes sure redis-server and PostgreSQL's server programs are there: installs Debian's `redis-server` and
 * `postgresql` with apt-get when root, else throws with what to install.
 */
export function ensureServicePackages(log: (message: string) => void = () => {}): { redisServer: string; pgBin: string } {
	const missing: string[] = [];
	if (!which('redis-server')) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (missing.length > 0) {
		// As root, apt-get; elsewhere sudo when it needs no password (a CI runner), else a clear message.
		const sudo = !isRoot() && spawnSync('sudo', ['-n', 'true']).status === 0;
		if ((!isRoot() && !sudo) || !which('apt-get')) {
			throw new Error(
				`The scale suite needs ${missing.join(' and ')} (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}); ` +
					'it starts its own instances on free ports and stops them afterwards.',
			);
		}
		log(`installing ${missing.join(', ')} with apt-get`);
		const aptGet = (args: string[]) => {
			const [command, fullArgs] = sudo ? ['sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]] : ['apt-get', args];
			return spawnSync(command, fullArgs, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
		};
		// A stale package index (a fresh CI image) makes the first try fail: update it and try again.
		if (!aptGet(['install', '-y', ...missing]) && !(aptGet(['update']) && aptGet(['install', '-y', ...missing]))) {
			throw new Error(`apt-get install -y ${missing.join(' ')} failed; install them and run the suite again`);
		}
	}
	return { redisServer: which('redis-server')!, pgBin: postgresBin()! };
}

export interface Service {
	port: number;
	/** SIGTERM and wait (Redis writes its append-only file first). */
	stop(): Promise<void>;
	/** Starts it again on the same port with the same data. */
	start(): Promise<void>;
	/** Stops it and removes its folder. */
	destroy(): Promise<void>;
}

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/**
 * redis-server on a free port, persisting to an append-only file in its folder (as a production Redis
 * would): a restart keeps the queue. No snapshots, no protected-mode surprises, loopback only.
 */
export async function startRedis(redisServer: string): Promise<Service> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-redis-'));
	const port = await runtime.freePort();
	let child: ChildProcess | undefined;
	let exited: Promise<void> = Promise.resolve();
	const ping = () => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';

	const start = async () => {
		const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--daemonize', 'no', '--logfile', path.join(dir, 'redis.log')];
		child = spawn(redisServer, args, { stdio: 'ignore' });
		const current = child;
		exited = new Promise((resolve) => current.on('exit', () => resolve()));
		await waitUntil(`redis on port ${port}`, ping);
	};
	const stop = async () => {
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		await exited;
		child = undefined;
	};
	await start();
	return {
		port,
		start,
		stop,
		destroy: async () => {
			await stop();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * A PostgreSQL cluster made with initdb in a temporary folder, with a database `n8n` owned by user `n8n`
 * (trust authentication on 127.0.0.1 only). PostgreSQL refuses to run as root: as root the folder is given
 * to the `postgres` system user (Debian's package creates it; `nobody` without it) and the programs run as
 * that user.
 */
export async function startPostgres(pgBin: string): Promise<Service & { database: string; user: string }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-pg-'));
	const port = await runtime.freePort();
	const data = path.join(dir, 'data');
	const asUser = isRoot() ? (spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody') : undefined;
	if (asUser) execFileSync('chown', [asUser, dir]);
	const run = (program: string, args: string[]) => {
		const [command, fullArgs] = asUser
			? ['runuser', ['-u', asUser, '--', path.join(pgBin, program), ...args]]
			: [path.join(pgBin, program), args];
		const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: dir });
		if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
		return result.stdout;
	};
	run('initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
	const start = async () => {
		run('pg_ctl', ['-D', data, '-l', path.join(dir, 'postgres.log'), '-o', options, '-w', 'start']);
	};
	const stop = async () => {
		if (fs.existsSync(path.join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
	};
	await start();
	run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	return {
		port,
		database: 'n8n',
		user: 'n8n',
		start,
		stop,
		destroy: async () => {
			await stop();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
