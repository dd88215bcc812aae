// RentVerify Trigger in n8n's queue mode: the main polls the simulator every 10 s and enqueues one
// execution per new code; two workers run them (the trigger, then a 3 s pause, so executions are caught in
// the middle). Codes arrive at random times over several polls, phase after phase, each with one fault:
// none, a worker killed (SIGKILL) in the middle of an execution, the main restarted, Redis restarted right
// across a poll. For every phase the test counts codes delivered, executions started, duplicates and lost,
// and every execution must have been started by a worker. Once in n8n's default mode and once with durable
// poll cursors (README, Trigger).
import { type Simulator, startSimulator } from '../simulator';
import { buyActivation, TRIGGER_NODE, triggerWorkflow, waitFor } from '../e2e/triggerSupport';
import { DURABLE_CURSORS, type ExecutionRecord, QueueCluster } from './cluster';
import { CI_FORM, SEED, pauseNode, random, rentVerifyCredential, report, sleep } from './support';

const WORKFLOW_ID = 'scaleTriggerCodes';
const PAUSE = 'Pause';

type Fault = 'none' | 'worker killed mid-execution' | 'main restarted' | 'Redis restarted';
const FAULTS: Fault[] = CI_FORM ? ['worker killed mid-execution'] : ['none', 'worker killed mid-execution', 'main restarted', 'Redis restarted'];
const CODES_PER_PHASE = CI_FORM ? 6 : 10;
const WINDOW_MS = CI_FORM ? 25_000 : 35_000; // codes arrive over about three polls

const modes: Array<[string, Record<string, string>]> = CI_FORM
	? [['default mode', {}]]
	: [
			['default mode', {}],
			['durable poll cursors', DURABLE_CURSORS],
		];

interface Delivered {
	eventId: string;
	code: string;
	at: number;
}

describe.each(modes)('RentVerify Trigger in queue mode, main + 2 workers (%s)', (mode, modeEnv) => {
	const cluster = new QueueCluster({ env: modeEnv });
	let simulator: Simulator;
	const rand = random(SEED + (mode === 'default mode' ? 0 : 1));
	const delivered: Delivered[] = [];
	let codeCounter = 100000;
	const workersUsed = new Set<string>();

	const polls = () => simulator.count('rentVerify', 'getActiveActivations');
	const executions = () => cluster.executions(WORKFLOW_ID, TRIGGER_NODE);
	const pending = (list: ExecutionRecord[]) => list.filter((e) => ['new', 'running', 'waiting', 'unknown'].includes(e.status));

	async function explained<T>(step: Promise<T>): Promise<T> {
		try {
			return await step;
		} catch (error) {
			throw new Error(`${(error as Error).message}\n${cluster.logs()}`);
		}
	}

	async function nextPoll(): Promise<void> {
		const seen = polls();
		await explained(waitFor('the next trigger poll', () => (polls() > seen ? true : undefined), { timeoutMs: 60_000 }));
		await sleep(2000);
	}

	beforeAll(async () => {
		simulator = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: null, rentVerifyBalance: 10_000 });
		await cluster.setUp();
		const credential = rentVerifyCredential(simulator);
		await cluster.importCredentials([credential]);
		const workflow = triggerWorkflow({ id: WORKFLOW_ID, name: 'New codes (queue mode)', credential }) as {
			nodes: object[];
			connections: Record<string, unknown>;
		};
		workflow.nodes.push(pauseNode(PAUSE, 3, [220, 0]));
		workflow.connections = { [TRIGGER_NODE]: { main: [[{ node: PAUSE, type: 'main', index: 0 }]] } };
		await cluster.importWorkflows([workflow]);
		await cluster.publish(WORKFLOW_ID);
		await cluster.startMain();
		await cluster.startWorker('w1');
		await cluster.startWorker('w2');
		await explained(waitFor('the poll at activation', () => (polls() >= 1 ? true : undefined), { timeoutMs: 60_000 }));
	});

	afterAll(async () => {
		await cluster.destroy();
		await simulator?.close();
	});

	/** Runs `fault` while codes arrive at random times over the window. */
	async function phase(fault: Fault): Promise<void> {
		const activations = await Promise.all(Array.from({ length: CODES_PER_PHASE }, () => buyActivation(simulator)));
		const offsets = activations.map(() => Math.floor(rand() * WINDOW_MS)).sort((a, b) => a - b);
		const mine: Delivered[] = [];
		const started = Date.now();
		const deliveries = (async () => {
			for (let i = 0; i < activations.length; i++) {
				await sleep(Math.max(0, started + offsets[i] - Date.now()));
				const code = String(codeCounter++);
				simulator.rentVerify.deliverCode(activations[i].id, code);
				const d = { eventId: `rentVerify:${activations[i].id}:${code}`, code, at: Date.now() - started };
				mine.push(d);
				delivered.push(d);
			}
		})();
		const before = new Set((await executions()).map((e) => e.id));

		if (fault === 'worker killed mid-execution') {
			// The first execution of this phase that a worker is running (in its 3 s pause): kill that worker.
			const victim = await explained(
				waitFor(
					'a running execution on a worker',
					async () => {
						const running = (await executions()).filter((e) => !before.has(e.id) && e.status === 'running');
						for (const e of running) {
							const worker = cluster.workerOf(e.id);
							if (worker) return { worker, execution: e.id };
						}
						return undefined;
					},
					{ timeoutMs: WINDOW_MS + 60_000, intervalMs: 300 },
				),
			);
			await cluster.killWorker(victim.worker);
			report(`${mode}: killed worker ${victim.worker} while it ran execution ${victim.execution}`);
			await sleep(3000);
			await cluster.startWorker(victim.worker);
		} else if (fault === 'main restarted') {
			await sleep(WINDOW_MS / 3);
			await cluster.stopMain();
			await sleep(5000);
			await cluster.startMain();
		} else if (fault === 'Redis restarted') {
			// Down from just before a poll (polls run at :00, :10, … s) to just after it: that poll's executions
			// are enqueued while Redis is away. n8n exits when Redis stays away beyond
			// QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD (10 s), so the outage is short.
			await sleep(WINDOW_MS / 3);
			const toBoundary = 10_000 - (Date.now() % 10_000);
			await sleep((toBoundary + 10_000 - 700) % 10_000);
			await cluster.redis.stop();
			await sleep(3000);
			await cluster.redis.start();
		}
		await deliveries;

		// Every code of the phase in an execution, nothing pending, then two more polls add nothing.
		const eventIds = new Set(mine.map((d) => d.eventId));
		await explained(
			waitFor(
				`executions for the ${mine.length} codes of "${fault}"`,
				async () => {
					const list = await executions();
					const seen = new Set(list.flatMap((e) => e.items.map((item) => String(item.eventId))));
					return [...eventIds].every((id) => seen.has(id)) && pending(list).length === 0 ? true : undefined;
				},
				{ timeoutMs: 120_000, intervalMs: 1000 },
			),
		).catch(() => undefined); // counted below as lost
		await nextPoll();
		await nextPoll();
		const list = (await executions()).filter((e) => !before.has(e.id));
		const count = (eventId: string) => list.filter((e) => e.items.some((item) => item.eventId === eventId)).length;
		const duplicates = mine.reduce((sum, d) => sum + Math.max(0, count(d.eventId) - 1), 0);
		const lost = mine.filter((d) => count(d.eventId) === 0);
		const byWorker = new Map<string, number>();
		for (const e of list) byWorker.set(cluster.workerOf(e.id) ?? 'none', (byWorker.get(cluster.workerOf(e.id) ?? 'none') ?? 0) + 1);
		for (const w of byWorker.keys()) workersUsed.add(w);
		const notSuccess = list.filter((e) => e.status !== 'success');
		report(
			`${mode}, ${fault}: codes delivered ${mine.length}, executions started ${list.length}, duplicates ${duplicates}, lost ${lost.length}` +
				` (run by ${[...byWorker].map(([w, n]) => `${w} ${n}`).join(', ')}; not successful: ${notSuccess.map((e) => `${e.id} ${e.status}`).join(', ') || 'none'}; seed ${SEED})`,
		);
		expect(lost.map((d) => d.eventId)).toEqual([]);
		expect(duplicates).toBe(0);
		for (const e of list) {
			// A poll that finds several codes emits them as the items of one execution.
			expect(e.items.length).toBeGreaterThan(0);
			for (const item of e.items) expect(eventIds.has(String(item.eventId))).toBe(true);
			expect(cluster.workerOf(e.id)).toBeDefined(); // a worker ran it, not the main
			expect(cluster.startsOf(e.id)).toBe(1); // and no worker ran it again
		}
		if (fault !== 'worker killed mid-execution') expect(notSuccess).toEqual([]);
	}

	it.each(FAULTS)('each code starts exactly one execution on a worker: %s', async (fault) => {
		await phase(fault);
	});

	it('spread the executions over both workers', () => {
		expect([...workersUsed].sort()).toEqual(['w1', 'w2']);
	});
});
