// RentVerify Trigger in queue mode, as trigger.test.ts (the whole suite) and quick.test.ts (its quick form) run
// it on a QueueCluster: the main polls the simulator every 10 s and enqueues one execution
// per poll that finds new codes (one item per code); the workers run them (the trigger's items, then a 3 s
// pause, so an execution can be caught in the middle). In each phase codes arrive at random times over
// several polls while one fault happens: none, a worker killed (SIGKILL) in the middle of an execution, the
// main restarted, Redis restarted right across a poll. Each phase counts codes delivered, executions started,
// duplicates and lost, and checks that every execution was started by a worker, once.
import { LEFT_OUT_LOG } from '../../nodes/shared/trigger/pollState';
import type { Simulator } from '../simulator';
import type { Credential } from '../e2e/harness';
import { buyActivation, TRIGGER_NODE, triggerWorkflow, waitFor } from '../e2e/triggerSupport';
import type { ExecutionRecord, QueueCluster } from './cluster';
import { pauseNode, report, SEED, sleep } from './support';

export const TRIGGER_WORKFLOW_ID = 'scaleTriggerCodes';
const PAUSE = 'Pause';
const PENDING = ['new', 'running', 'waiting', 'unknown'];

export type Fault = 'none' | 'worker killed mid-execution' | 'main restarted' | 'Redis restarted';
export const ALL_FAULTS: Fault[] = ['none', 'worker killed mid-execution', 'main restarted', 'Redis restarted'];

export interface PhaseCounts {
	delivered: number;
	executions: number;
	duplicates: number;
	lost: number;
	/** Codes whose execution did not succeed (the one a killed worker was running). */
	notSuccessful: number;
}

interface Delivered {
	eventId: string;
	code: string;
	at: number;
}

/** The trigger workflow: RentVerify Trigger (New Code, every 10 s) → a 3 s pause. */
export function triggerScaleWorkflow(credential: Credential): object {
	const workflow = triggerWorkflow({ id: TRIGGER_WORKFLOW_ID, name: 'New codes (queue mode)', credential }) as {
		nodes: object[];
		connections: Record<string, unknown>;
	};
	workflow.nodes.push(pauseNode(PAUSE, 3, [220, 0]));
	workflow.connections = { [TRIGGER_NODE]: { main: [[{ node: PAUSE, type: 'main', index: 0 }]] } };
	return workflow;
}

export class TriggerScenario {
	readonly delivered: Delivered[] = [];
	readonly workersUsed = new Set<string>();
	private codeCounter = 100000;

	constructor(
		private readonly cluster: QueueCluster,
		private readonly simulator: Simulator,
		private readonly mode: string,
		private readonly rand: () => number,
	) {}

	polls(): number {
		return this.simulator.count('rentVerify', 'getActiveActivations');
	}

	executions(): Promise<ExecutionRecord[]> {
		return this.cluster.executions(TRIGGER_WORKFLOW_ID, TRIGGER_NODE);
	}

	async explained<T>(step: Promise<T>): Promise<T> {
		try {
			return await step;
		} catch (error) {
			throw new Error(`${(error as Error).message}\n${this.cluster.logs()}`);
		}
	}

	async nextPoll(): Promise<void> {
		const seen = this.polls();
		await this.explained(waitFor('the next trigger poll', () => (this.polls() > seen ? true : undefined), { timeoutMs: 60_000 }));
		await sleep(2000);
	}

	/** Waits for the poll n8n runs when it activates the workflow. */
	async activated(): Promise<void> {
		await this.explained(waitFor('the poll at activation', () => (this.polls() >= 1 ? true : undefined), { timeoutMs: 90_000 }));
	}

	/** Runs `fault` while codes arrive at random times over the window; returns the phase's counts. */
	async phase(fault: Fault, codesPerPhase: number, windowMs: number): Promise<PhaseCounts> {
		const { cluster, simulator, mode, rand } = this;
		const explained = <T>(step: Promise<T>) => this.explained(step);
		const executions = () => this.executions();
		const nextPoll = () => this.nextPoll();
		const pending = (list: ExecutionRecord[]) => list.filter((e) => PENDING.includes(e.status));
		const activations = await Promise.all(Array.from({ length: codesPerPhase }, () => buyActivation(simulator)));
		const offsets = activations.map(() => Math.floor(rand() * windowMs)).sort((a, b) => a - b);
		const mine: Delivered[] = [];
		const started = Date.now();
		const mainLogBefore = cluster.mainOutput().length;
		const deliveries = (async () => {
			for (let i = 0; i < activations.length; i++) {
				await sleep(Math.max(0, started + offsets[i] - Date.now()));
				const code = String(this.codeCounter++);
				simulator.rentVerify.deliverCode(activations[i].id, code);
				const d = { eventId: `rentVerify:${activations[i].id}:${code}`, code, at: Date.now() - started };
				mine.push(d);
				this.delivered.push(d);
			}
		})();
		const before = new Set((await executions()).map((e) => e.id));
		/** The execution whose worker was killed, and when (ms into the phase). */
		let killed: { execution: string; at: number } | undefined;

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
					{ timeoutMs: windowMs + 60_000, intervalMs: 300 },
				),
			);
			await cluster.killWorker(victim.worker);
			killed = { execution: victim.execution, at: Date.now() - started };
			report(`${mode}: killed worker ${victim.worker} while it ran execution ${victim.execution}`);
			await sleep(3000);
			await cluster.startWorker(victim.worker);
		} else if (fault === 'main restarted') {
			await sleep(windowMs / 3);
			report(`  main stopping at ${Date.now() - started} ms`);
			await cluster.stopMain();
			await sleep(5000);
			report(`  main starting at ${Date.now() - started} ms`);
			await cluster.startMain();
			report(`  main ready at ${Date.now() - started} ms`);
		} else if (fault === 'Redis restarted') {
			// Down from just before a poll (polls run at :00, :10, … s) to just after it: that poll's executions
			// are enqueued while Redis is away. n8n exits when Redis stays away beyond
			// QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD (10 s), so the outage is short.
			await sleep(windowMs / 3);
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
		const missing = mine.filter((d) => count(d.eventId) === 0);
		// n8n 2.41 sometimes keeps a dead worker's execution with its error only, without the trigger's items
		// (README, Scaling): the codes in it were emitted once, into it, and n8n's record cannot say which. Codes missing
		// from every execution are put down to it only when the killed execution was kept without items, and
		// only those delivered before the kill; any other missing code is lost.
		const victim = killed && list.find((e) => e.id === killed?.execution);
		const keptWithoutItems =
			victim !== undefined && victim.status !== 'success' && victim.items.every((item) => item.eventId === undefined);
		const inKilled = keptWithoutItems ? missing.filter((d) => d.at < (killed?.at ?? 0)) : [];
		// Polls of the trigger that overlapped another in the main and were left out (pollState.ts; counted when the
		// main logs at debug level, as with durable cursors).
		const leftOut = cluster.mainOutput().slice(mainLogBefore).split(LEFT_OUT_LOG).length - 1;
		const lost = missing.filter((d) => !inKilled.includes(d));
		const byWorker = new Map<string, number>();
		for (const e of list) byWorker.set(cluster.workerOf(e.id) ?? 'none', (byWorker.get(cluster.workerOf(e.id) ?? 'none') ?? 0) + 1);
		for (const w of byWorker.keys()) this.workersUsed.add(w);
		const notSuccess = list.filter((e) => e.status !== 'success');
		report(
			`${mode}, ${fault}: codes delivered ${mine.length}, executions started ${list.length}, duplicates ${duplicates}, lost ${lost.length}` +
				(keptWithoutItems ? `, in the killed execution n8n kept without items ${inKilled.length}` : '') +
				(leftOut > 0 ? `, polls the trigger left out ${leftOut}` : '') +
				` (run by ${[...byWorker].map(([w, n]) => `${w} ${n}`).join(', ')}; not successful: ${notSuccess.map((e) => `${e.id} ${e.status} with ${e.items.length} code(s)`).join(', ') || 'none'}; seed ${SEED})`,
		);
		if (duplicates > 0 || lost.length > 0) {
			const codeOf = (eventId: unknown) => String(eventId).split(':').pop();
			report(`  deliveries (ms into the phase): ${mine.map((d) => `${d.code}@${d.at}`).join(' ')}`);
			for (const e of list) report(`  execution ${e.id} (${e.status}, ${cluster.workerOf(e.id)}): ${e.items.map((i) => codeOf(i.eventId)).join(' ')}`);
			report(`  poller_state: ${cluster.sql('SELECT * FROM poller_state').slice(0, 3000)}`);
			const cursorLines = cluster.mainOutput().split('\n').filter((line) => /cursor|lease|durable|poll/i.test(line));
			report(`  main log on polls (last 40):\n${cursorLines.slice(-40).join('\n')}`);
		}
		expect(lost.map((d) => d.eventId)).toEqual([]);
		expect(duplicates).toBe(0);
		for (const e of list) {
			// A poll that finds several codes emits them as the items of one execution.
			if (!(keptWithoutItems && e === victim)) {
				expect(e.items.length).toBeGreaterThan(0);
				for (const item of e.items) expect(eventIds.has(String(item.eventId))).toBe(true);
			}
			expect(cluster.workerOf(e.id)).toBeDefined(); // a worker ran it, not the main
			expect(cluster.startsOf(e.id)).toBe(1); // and no worker ran it again
		}
		if (fault !== 'worker killed mid-execution') expect(notSuccess).toEqual([]);
		return { delivered: mine.length, executions: list.length, duplicates, lost: lost.length, notSuccessful: notSuccess.reduce((sum, e) => sum + e.items.length, 0) };
	}
}
