// The RentVerify node's waits and purchases in queue mode, run on a QueueCluster (cluster.ts) by
// workers.test.ts (the whole suite) and quick.test.ts (its quick form):
// - waits spread over workers: executions of Webhook → Buy a number → Wait for the SMS code, started
//   together, run on both workers and each outputs its own code; some are stopped from the main while they
//   wait, and their waits stop polling the provider at once;
// - money across a worker crash: the worker running Buy a number is killed while the purchase is on its way
//   to the provider; n8n fails the execution and never runs it again (not after the stall check, not after a
//   main restart), so the ledger shows exactly one purchase.
import type { Simulator } from '../simulator';
import type { Credential } from '../e2e/harness';
import { waitFor } from '../e2e/triggerSupport';
import type { QueueCluster } from './cluster';
import { rentVerifyNode, report, sleep, webhookNode } from './support';

export const BUY_AND_WAIT = { id: 'scaleBuyAndWait01', path: 'scale-buy-and-wait', webhookId: '0f4b8f7e-6b1a-4f3c-9a52-1c2d3e4f5a61' };
export const BUY_ONCE = { id: 'scaleBuyOnce00001', path: 'scale-buy-once', webhookId: '7a9e2c14-52d8-4b6f-8e31-9f0a1b2c3d42' };
const BUY = 'Buy a number';
const WAIT = 'Wait for the SMS code';
const POLL_INTERVAL_S = 3;
const PRICE = 0.5; // the simulator's usa/tg price

export function workerWorkflows(credential: Credential): object[] {
	const buy = rentVerifyNode(
		BUY,
		[220, 0],
		{
			resource: 'activation',
			operation: 'buyNumber',
			country: { __rl: true, mode: 'id', value: 'usa' },
			service: { __rl: true, mode: 'id', value: 'tg' },
			options: {},
		},
		credential,
	);
	const wait = rentVerifyNode(
		WAIT,
		[440, 0],
		{
			resource: 'activation',
			operation: 'waitForCode',
			activationId: { __rl: true, mode: 'id', value: `={{ $('${BUY}').item.json.id }}` },
			pollInterval: POLL_INTERVAL_S,
			timeout: 600,
		},
		credential,
	);
	const flow = (id: string, name: string, nodes: object[], connections: object) => ({
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	});
	return [
		flow(BUY_AND_WAIT.id, 'Buy and wait (queue mode)', [webhookNode(BUY_AND_WAIT.path, BUY_AND_WAIT.webhookId), buy, wait], {
			Webhook: { main: [[{ node: BUY, type: 'main', index: 0 }]] },
			[BUY]: { main: [[{ node: WAIT, type: 'main', index: 0 }]] },
		}),
		flow(BUY_ONCE.id, 'Buy once (queue mode)', [webhookNode(BUY_ONCE.path, BUY_ONCE.webhookId), { ...buy, id: 'buy-once' }], {
			Webhook: { main: [[{ node: BUY, type: 'main', index: 0 }]] },
		}),
	];
}

async function explained<T>(cluster: QueueCluster, step: Promise<T>): Promise<T> {
	try {
		return await step;
	} catch (error) {
		throw new Error(`${(error as Error).message}\n${cluster.logs()}`);
	}
}

/** `total` executions started together; `cancelled` of them stopped from the main while they wait. */
export async function waitsSpreadOverWorkers(cluster: QueueCluster, simulator: Simulator, total: number, cancelled: number): Promise<void> {
	const executions = () => cluster.executions(BUY_AND_WAIT.id, WAIT);
	const before = new Set((await executions()).map((e) => e.id));
	const known = new Set(simulator.rentVerify.activations().map((a) => a.id));
	const answers = await Promise.all(Array.from({ length: total }, () => cluster.callWebhook(BUY_AND_WAIT.path, {})));
	expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));

	// Every execution bought its number and its wait polls.
	const mine = await explained(
		cluster,
		waitFor(
			`${total} numbers bought and polled`,
			() => {
				const list = simulator.rentVerify.activations().filter((a) => !known.has(a.id));
				return list.length >= total && list.every((a) => a.polls >= 1) ? list : undefined;
			},
			{ timeoutMs: 180_000, intervalMs: 500 },
		),
	);
	expect(mine).toHaveLength(total);
	const running = await explained(
		cluster,
		waitFor(
			`${total} running executions`,
			async () => {
				const list = (await executions()).filter((e) => !before.has(e.id) && e.status === 'running');
				return list.length === total ? list : undefined;
			},
			{ timeoutMs: 60_000, intervalMs: 1000 },
		),
	);

	// Stop some from the main, taken from both workers where possible.
	const byWorker = (w: string) => running.filter((e) => cluster.workerOf(e.id) === w);
	const w1 = byWorker('w1');
	const w2 = byWorker('w2');
	const toStop: string[] = [];
	for (let i = 0; toStop.length < cancelled && i < total; i++) {
		if (w1[i]) toStop.push(w1[i].id);
		if (toStop.length < cancelled && w2[i]) toStop.push(w2[i].id);
	}
	for (const id of toStop) await cluster.stopExecution(id);
	await explained(
		cluster,
		waitFor(
			`${cancelled} executions canceled`,
			async () => {
				const list = (await executions()).filter((e) => toStop.includes(e.id));
				return list.every((e) => e.status === 'canceled') ? true : undefined;
			},
			{ timeoutMs: 60_000, intervalMs: 1000 },
		),
	);
	await sleep(1000); // a status request already in flight when the stop came may still land
	const pollsAt = new Map(mine.map((a) => [a.id, simulator.rentVerify.activation(a.id).polls]));
	await sleep((POLL_INTERVAL_S * 3 + 1) * 1000);
	const quiet = mine.filter((a) => simulator.rentVerify.activation(a.id).polls === pollsAt.get(a.id));
	expect(quiet).toHaveLength(cancelled); // exactly the stopped waits stopped polling

	// Every number gets its code, the stopped ones too: only the running waits take theirs.
	const codes = new Map(mine.map((a, i) => [a.id, String(700000 + i)]));
	for (const [id, code] of codes) simulator.rentVerify.deliverCode(id, code);
	const finished = await explained(
		cluster,
		waitFor(
			`${total - cancelled} executions with their code`,
			async () => {
				const list = (await executions()).filter((e) => !before.has(e.id));
				return list.filter((e) => e.status === 'success').length === total - cancelled &&
					list.every((e) => e.status === 'success' || e.status === 'canceled')
					? list
					: undefined;
			},
			{ timeoutMs: 120_000, intervalMs: 1000 },
		),
	);
	await sleep(POLL_INTERVAL_S * 2 * 1000);
	const pollsAfterStop = quiet.reduce((sum, a) => sum + simulator.rentVerify.activation(a.id).polls - pollsAt.get(a.id)!, 0);
	expect(pollsAfterStop).toBe(0);

	const succeeded = finished.filter((e) => e.status === 'success');
	for (const e of succeeded) {
		expect(e.items).toHaveLength(1);
		const item = e.items[0];
		expect(item.code).toBe(codes.get(String(item.id)));
		expect(item.status).toBe('received');
	}
	const outputIds = succeeded.map((e) => String(e.items[0].id));
	expect(new Set(outputIds).size).toBe(succeeded.length); // each its own number
	const counts = new Map<string, number>();
	for (const e of finished) counts.set(cluster.workerOf(e.id) ?? 'none', (counts.get(cluster.workerOf(e.id) ?? 'none') ?? 0) + 1);
	expect([...counts.keys()].sort()).toEqual(['w1', 'w2']);
	expect(simulator.purchases('rentVerify')).toBeGreaterThanOrEqual(total);
	report(
		`waits: executions started ${total} together, finished with their code ${succeeded.length}, stopped from the main ${cancelled}` +
			` (their status requests after the stop: ${pollsAfterStop}); run by ${[...counts].map(([w, n]) => `${w} ${n}`).join(', ')}`,
	);
}

/** The worker running Buy a number is killed while the purchase is in flight: one purchase, never two. */
export async function noSecondPurchaseAfterWorkerCrash(cluster: QueueCluster, simulator: Simulator): Promise<void> {
	const executions = () => cluster.executions(BUY_ONCE.id, BUY);
	const before = new Set((await executions()).map((e) => e.id));
	const requestsBefore = simulator.count('rentVerify', 'getNumber');
	const purchasesBefore = simulator.purchases('rentVerify');
	const balanceBefore = simulator.rentVerify.balance();
	// The provider takes 8 s to answer this purchase; it completes it whatever happens to the client.
	simulator.fault('rentVerify', 'getNumber', { kind: 'latency', ms: 8000 });

	expect((await cluster.callWebhook(BUY_ONCE.path, {})).status).toBe(200);
	await explained(
		cluster,
		waitFor('the purchase request', () => (simulator.count('rentVerify', 'getNumber') > requestsBefore ? true : undefined), {
			timeoutMs: 60_000,
			intervalMs: 100,
		}),
	);
	const execution = await explained(
		cluster,
		waitFor(
			'the running execution',
			async () => (await executions()).find((e) => !before.has(e.id) && e.status === 'running' && cluster.workerOf(e.id)),
			{ timeoutMs: 30_000, intervalMs: 300 },
		),
	);
	const worker = cluster.workerOf(execution.id)!;
	await cluster.killWorker(worker);
	await cluster.startWorker(worker);

	// n8n notices the dead worker's job (lock expiry + stall check) and fails the execution.
	const failed = await explained(
		cluster,
		waitFor(
			'the execution to end',
			async () => (await executions()).find((e) => e.id === execution.id && !['running', 'new', 'unknown'].includes(e.status)),
			{ timeoutMs: 120_000, intervalMs: 1000 },
		),
	);
	// The main restarts (its crash recovery runs) and the workers keep polling the queue: still one purchase.
	await cluster.stopMain();
	await cluster.startMain();
	await sleep(15_000);
	const after = (await executions()).find((e) => e.id === execution.id)!;
	const requests = simulator.count('rentVerify', 'getNumber') - requestsBefore;
	const purchases = simulator.purchases('rentVerify') - purchasesBefore;
	report(
		`money: worker ${worker} killed during Buy a number (execution ${execution.id}): purchases intended 1, purchase requests ${requests},` +
			` purchases in the ledger ${purchases}, charged $${(balanceBefore - simulator.rentVerify.balance()).toFixed(2)};` +
			` execution ${failed.status} → ${after.status} after a main restart, started by a worker ${cluster.startsOf(execution.id)} time(s): "${after.error ?? failed.error}"`,
	);
	expect(requests).toBe(1);
	expect(purchases).toBe(1);
	expect(simulator.rentVerify.balance()).toBeCloseTo(balanceBefore - PRICE, 2);
	expect(after.status).not.toBe('success');
	expect(cluster.startsOf(execution.id)).toBe(1);
	expect((await executions()).filter((e) => !before.has(e.id))).toHaveLength(1); // no new execution either
}
