// n8n's queue mode on this machine, the way a user's containers run it: Redis and PostgreSQL (services.ts),
// one `n8n start` main (EXECUTIONS_MODE=queue: it runs triggers and webhooks and enqueues executions) and
// `n8n worker` processes that run them. Every n8n process has its own user folder with this package in
// its `.n8n/nodes/node_modules/` (as each container would have it installed), and they all share the
// database, the Redis queue and N8N_ENCRYPTION_KEY. Workers and main can be killed, stopped and started
// again; which worker ran which execution is read from the workers' own logs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ROOT, type Credential, progress, runtime } from '../e2e/harness';
import { type Owner, login, makeOwner } from '../e2e/triggerSupport';
import { type Service, ensureServicePackages, startPostgres, startRedis } from './services';

interface RuntimeInfo {
	dir: string;
	nodeBin: string;
	n8nBin: string;
}

type N8nEnv = (opts: { userFolder: string; port?: number; brokerPort?: number; extra?: Record<string, string> }) => NodeJS.ProcessEnv;
const n8nEnv: N8nEnv = (require(path.join(ROOT, 'scripts', 'n8nRuntime.js')) as { n8nEnv: N8nEnv }).n8nEnv;

export const DURABLE_CURSORS = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

export interface ExecutionRecord {
	id: string;
	status: string;
	mode: string;
	/** JSON items of the named node: its run data, or (not run yet / crashed) the items queued for it. */
	items: Array<Record<string, unknown>>;
	error?: string;
	/** Node names with run data. */
	ranNodes: string[];
}

interface Proc {
	child: ChildProcess;
	log: string;
	exited: Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class QueueCluster {
	redis!: Service;
	postgres!: Service;
	owner!: Owner;
	runtimeInfo!: RuntimeInfo;
	mainUrl = '';
	private cookie = '';
	private main?: { stop(): Promise<void>; output(): string };
	private mainLog = '';
	private readonly workers = new Map<string, Proc & { healthPort: number }>();
	/** Worker logs, kept across restarts: "Worker started execution <id>". */
	private readonly workerLogs = new Map<string, string>();
	private readonly folders: string[] = [];
	private readonly encryptionKey = crypto.randomBytes(24).toString('hex');
	private flatted!: { parse(text: string): unknown };
	private mainFolder = '';
	private readonly seenItems = new Map<string, Array<Record<string, unknown>>>();

	/**
	 * `env` goes to every process; `mainLogLevel` to the main only (SCALE_MAIN_LOG_LEVEL overrides it), e.g.
	 * `debug` to see n8n's scheduler and the trigger's own debug lines in `mainOutput()`.
	 */
	constructor(private readonly opts: { env?: Record<string, string>; concurrency?: number; mainLogLevel?: string } = {}) {}

	async setUp(): Promise<void> {
		const { redisServer, pgBin } = ensureServicePackages(progress);
		this.runtimeInfo = (await runtime.ensureN8n({ log: progress })) as unknown as RuntimeInfo;
		this.redis = await startRedis(redisServer);
		this.postgres = await startPostgres(pgBin);
		this.mainFolder = this.newUserFolder('main');
		this.owner = makeOwner(this.runtimeInfo.dir);
		this.flatted = require(require.resolve('flatted', { paths: [path.join(this.runtimeInfo.dir, 'node_modules', 'n8n')] }));
	}

	private newUserFolder(name: string): string {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), `sms-verification-scale-${name}-`));
		this.folders.push(folder);
		runtime.linkPackage(folder, ROOT); // the package installed on this "container"
		return folder;
	}

	/** What every main and worker shares: the database, the queue, the encryption key. */
	sharedEnv(): Record<string, string> {
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			// A dead worker's job is noticed within seconds instead of a minute: the lock is renewed every 2 s.
			QUEUE_WORKER_LOCK_DURATION: '10000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			...this.opts.env,
		};
	}

	/** An n8n CLI command against the shared database (from the main's user folder). */
	async cli(args: string[]): Promise<void> {
		const result = await (runtime.n8nCli as (a: string[], o: { userFolder: string; env: Record<string, string> }) => ReturnType<typeof runtime.n8nCli>)(
			args,
			{ userFolder: this.mainFolder, env: this.sharedEnv() },
		);
		if (result.code !== 0 || /\berror\b/i.test(result.stdout + result.stderr)) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
		}
	}

	private async importFile(command: string, entities: object[]): Promise<void> {
		const file = path.join(this.mainFolder, `${command.replace(':', '-')}-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(entities), { mode: 0o600 });
		try {
			await this.cli([command, `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	importCredentials(creds: Credential[]): Promise<void> {
		return this.importFile('import:credentials', creds);
	}

	importWorkflows(workflows: object[]): Promise<void> {
		return this.importFile('import:workflow', workflows);
	}

	publish(id: string): Promise<void> {
		return this.cli(['publish:workflow', `--id=${id}`]);
	}

	async startMain(): Promise<void> {
		const mainLogLevel = process.env.SCALE_MAIN_LOG_LEVEL ?? this.opts.mainLogLevel;
		const startN8n = runtime.startN8n as (o: object) => Promise<{ url: string; stop(): Promise<void>; output(): string }>;
		const main = await startN8n({
			userFolder: this.mainFolder,
			env: {
				...this.sharedEnv(),
				...this.owner.env,
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				...(mainLogLevel ? { N8N_LOG_LEVEL: mainLogLevel } : {}),
			},
			onOutput: (chunk: Buffer | string) => (this.mainLog += chunk.toString()),
			timeoutMs: 180_000,
		});
		this.main = main;
		this.mainUrl = main.url;
		this.cookie = await login(main.url, this.owner);
	}

	async stopMain(): Promise<void> {
		await this.main?.stop();
		this.main = undefined;
	}

	workerNames(): string[] {
		return [...this.workers.keys()];
	}

	async startWorker(name: string): Promise<void> {
		const userFolder = this.workerFolder(name);
		const healthPort = await runtime.freePort();
		const brokerPort = await runtime.freePort();
		const env = n8nEnv({
			userFolder,
			brokerPort,
			extra: { ...this.sharedEnv(), QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' },
		});
		const child = spawn(this.runtimeInfo.nodeBin, [this.runtimeInfo.n8nBin, 'worker', `--concurrency=${this.opts.concurrency ?? 10}`], {
			cwd: userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const proc = { child, log: '', healthPort, exited: new Promise<void>((resolve) => child.on('exit', () => resolve())) };
		const keep = (chunk: Buffer) => {
			proc.log += chunk.toString();
			this.workerLogs.set(name, (this.workerLogs.get(name) ?? '') + chunk.toString());
		};
		child.stdout!.on('data', keep);
		child.stderr!.on('data', keep);
		this.workers.set(name, proc);
		const deadline = Date.now() + 180_000;
		for (;;) {
			if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker ${name} exited:\n${proc.log.slice(-4000)}`);
			try {
				const response = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
				if (response.ok) break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`worker ${name} not ready:\n${proc.log.slice(-4000)}`);
			await sleep(300);
		}
	}

	private readonly workerFolders = new Map<string, string>();
	private workerFolder(name: string): string {
		if (!this.workerFolders.has(name)) this.workerFolders.set(name, this.newUserFolder(name));
		return this.workerFolders.get(name)!;
	}

	/** SIGKILL: the worker dies at once, in the middle of whatever it runs. */
	async killWorker(name: string): Promise<void> {
		const proc = this.workers.get(name);
		if (!proc) return;
		proc.child.kill('SIGKILL');
		await proc.exited;
		this.workers.delete(name);
	}

	async stopWorker(name: string): Promise<void> {
		const proc = this.workers.get(name);
		if (!proc) return;
		proc.child.kill('SIGTERM');
		const timer = setTimeout(() => proc.child.kill('SIGKILL'), 20_000);
		await proc.exited;
		clearTimeout(timer);
		this.workers.delete(name);
	}

	/** The worker whose log says it started the execution (the last one, if several did). */
	workerOf(executionId: string): string | undefined {
		let found: string | undefined;
		for (const [name, log] of this.workerLogs) {
			if (new RegExp(`Worker started execution ${executionId} \\(`).test(log)) found = name;
		}
		return found;
	}

	/** How many times any worker started the execution. */
	startsOf(executionId: string): number {
		let count = 0;
		for (const log of this.workerLogs.values()) count += log.match(new RegExp(`Worker started execution ${executionId} \\(`, 'g'))?.length ?? 0;
		return count;
	}

	logs(): string {
		const workers = [...this.workerLogs].map(([name, log]) => `--- worker ${name}\n${log.slice(-3000)}`).join('\n');
		return `--- main\n${this.mainLog.slice(-4000)}\n${workers}`;
	}

	private async rest<T>(method: string, route: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.mainUrl}/rest/${route}`, {
			method,
			headers: { cookie: this.cookie, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(20_000),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest/${route}: ${response.status} ${text}`);
		return JSON.parse(text) as T;
	}

	/** Every execution of the workflow, oldest first, with the items of `nodeName`. */
	async executions(workflowId: string, nodeName: string): Promise<ExecutionRecord[]> {
		const all: Array<Record<string, unknown>> = [];
		let lastId: string | undefined;
		for (;;) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const page = await this.rest<{ data: { results: Array<Record<string, unknown>> } }>(
				'GET',
				`executions?filter=${filter}&limit=100${lastId ? `&lastId=${lastId}` : ''}`,
			);
			all.push(...page.data.results);
			if (page.data.results.length < 100) break;
			lastId = String(page.data.results[page.data.results.length - 1].id);
		}
		const records: ExecutionRecord[] = [];
		for (const summary of all) {
			const id = String(summary.id);
			const body = await this.rest<{ data: { data: string; status: string; mode: string } }>('GET', `executions/${id}`);
			type Items = Array<{ json: Record<string, unknown> }>;
			const data = this.flatted.parse(body.data.data) as {
				resultData?: { runData?: Record<string, Array<{ data?: { main: Items[] } }>>; error?: { message?: string } };
				executionData?: { nodeExecutionStack?: Array<{ node: { name: string }; data: { main: Items[] } }> };
			};
			const runs = data.resultData?.runData ?? {};
			let items = (runs[nodeName] ?? []).flatMap((run) => run.data?.main[0]?.map((item) => item.json) ?? []);
			if (items.length === 0) {
				// Enqueued but not (yet) run by a worker, or crashed before its result was saved: the trigger's
				// items are what the main queued for the next node.
				for (const entry of data.executionData?.nodeExecutionStack ?? []) {
					if (entry.node.name === nodeName) {
						items = items.concat(entry.data.main[0]?.map((item) => item.json) ?? []);
					}
				}
			}
			// n8n replaces the data of an execution whose worker died ("job stalled more than
			// maxStalledCount") with just the error: the items seen while it was queued or running are kept.
			if (items.length > 0) this.seenItems.set(id, items);
			else items = this.seenItems.get(id) ?? [];
			records.push({
				id,
				status: String(body.data.status ?? summary.status),
				mode: String(body.data.mode ?? summary.mode),
				items,
				error: data.resultData?.error?.message,
				ranNodes: Object.keys(runs),
			});
		}
		return records.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** Rows of a query on the shared PostgreSQL database (psql), as tab-separated lines. */
	sql(query: string): string {
		const result = spawnSync('psql', ['-h', '127.0.0.1', '-p', String(this.postgres.port), '-U', 'n8n', '-d', 'n8n', '-At', '-F', '\t', '-c', query], {
			encoding: 'utf8',
		});
		return result.stdout + result.stderr;
	}

	mainOutput(): string {
		return this.mainLog;
	}

	/** Publishes a workflow through the running main (the editor's Publish), which activates it at once. */
	async activate(id: string): Promise<void> {
		const workflow = await this.rest<{ data: { versionId: string } }>('GET', `workflows/${id}`);
		await this.rest('POST', `workflows/${id}/activate`, { versionId: workflow.data.versionId });
	}

	/** Unpublishes a workflow through the running main. */
	async deactivate(id: string): Promise<void> {
		await this.rest('POST', `workflows/${id}/deactivate`, {});
	}

	/** Asks the main to stop a running execution (the editor's Stop button). */
	async stopExecution(id: string): Promise<unknown> {
		return await this.rest('POST', `executions/${id}/stop`, {});
	}

	/** A production webhook of the main (queue mode: the main enqueues, a worker runs). */
	async callWebhook(pathName: string, body: unknown = {}): Promise<Response> {
		// Right after a workflow is published n8n answers 404 until it has registered the webhook (no
		// execution is started then): ask again for up to 30 s.
		const deadline = Date.now() + 30_000;
		for (;;) {
			const response = await fetch(`${this.mainUrl}/webhook/${pathName}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(30_000),
			});
			if (response.status !== 404 || Date.now() > deadline) return response;
			await response.text();
			await sleep(250);
		}
	}

	async destroy(): Promise<void> {
		for (const name of this.workerNames()) await this.stopWorker(name).catch(() => undefined);
		await this.stopMain().catch(() => undefined);
		await this.redis?.destroy().catch(() => undefined);
		await this.postgres?.destroy().catch(() => undefined);
		for (const folder of this.folders) fs.rmSync(folder, { recursive: true, force: true });
	}
}
