// The RentVerify Trigger inside a real `n8n start` (the pinned 2.41.1): a published workflow polls the
// provider simulator every 10 s; each new code must start exactly one execution, also across a restart of
// n8n. Once in n8n's default mode (static data saved when a poll emits or at activation) and once with
// durable poll cursors (the state in a `poller_state` row, committed with each scheduled poll). Executions
// are read through n8n's REST API, logged in as the owner n8n creates from its env.
//
// Each n8n start takes ≈ 15 s and each poll up to 10 s: steps wait for conditions with deadlines, and n8n
// is started only twice per mode. The steps of one mode build on each other and run in order.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEMO_RENTVERIFY_TOKEN, type Simulator, startSimulator } from '../simulator';
import { ROOT, type Credential, type RunningN8n, progress, runtime } from './harness';
import {
	N8nRest,
	type Owner,
	TRIGGER_NODE,
	type TriggerExecution,
	buyActivation,
	login,
	makeOwner,
	publishWorkflow,
	querySqlite,
	triggerWorkflow,
	waitFor,
} from './triggerSupport';

const WORKFLOW_ID = 'e2eTriggerNewCode';
const POLL_DEADLINE_MS = 45_000; // a poll every 10 s, with room for a slow machine
const SETTLE_MS = 1500; // after a poll read the active list: its status reads, n8n saving and executing

const DURABLE_CURSORS = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

type Mode = 'default mode' | 'durable poll cursors';
const modes: Array<[Mode, Record<string, string>]> = [
	['default mode', {}],
	['durable poll cursors', DURABLE_CURSORS],
];

interface Bought {
	id: string;
	phone: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(modes)('RentVerify Trigger in a real n8n (%s)', (mode, modeEnv) => {
	let runtimeDir: string;
	let simulator: Simulator;
	let userFolder: string;
	let owner: Owner;
	let n8n: RunningN8n | undefined;
	let rest: N8nRest;
	let log = ''; // n8n's output of earlier starts, to explain a failed wait
	let pollsAtStart = 0;
	let early: Bought; // gets its code right after activation
	let later: Bought; // gets its code once scheduled polls run; then a second one after a retry
	let third: Bought; // bought while n8n runs
	const codes = { early: '418273', later: '552901', retry: '960317', third: '274615' };

	async function start(): Promise<void> {
		pollsAtStart = polls();
		n8n = await runtime.startN8n({ userFolder, env: { ...owner.env, ...modeEnv } });
		rest = new N8nRest(n8n.url, await login(n8n.url, owner), runtimeDir);
	}

	async function stop(): Promise<void> {
		if (!n8n) return;
		await n8n.stop();
		log += n8n.output();
		n8n = undefined;
	}

	async function explained<T>(step: Promise<T>): Promise<T> {
		try {
			return await step;
		} catch (error) {
			const output = (log + (n8n?.output() ?? '')).slice(-5000);
			throw new Error(`${(error as Error).message}\n--- n8n output (end)\n${output}`);
		}
	}

	/** Trigger polls so far: each one starts by reading the active list. */
	const polls = () => simulator.count('rentVerify', 'getActiveActivations');

	async function pollsSinceStart(count: number): Promise<void> {
		await explained(
			waitFor(`${count} trigger polls since n8n started`, () => (polls() >= pollsAtStart + count ? true : undefined), {
				timeoutMs: 15_000 + count * 12_000,
			}),
		);
		await sleep(SETTLE_MS);
	}

	/** Waits until a poll that began after now has finished. */
	async function nextPoll(): Promise<void> {
		const seen = polls();
		await explained(
			waitFor('the next trigger poll', () => (polls() > seen ? true : undefined), { timeoutMs: POLL_DEADLINE_MS }),
		);
		await sleep(SETTLE_MS);
	}

	const executions = () => rest.triggerExecutions(WORKFLOW_ID, TRIGGER_NODE);
	const eventIds = (list: TriggerExecution[]) => list.flatMap((e) => e.items.map((item) => String(item.eventId)));
	const withCode = (list: TriggerExecution[], code: string) => list.filter((e) => e.items.some((item) => item.code === code));
	const eventId = (activation: Bought, code: string) => `rentVerify:${activation.id}:${code}`;

	/** Waits until an execution emitted `code`; returns all finished executions then. */
	async function executionWith(code: string, timeoutMs = POLL_DEADLINE_MS): Promise<TriggerExecution[]> {
		return await explained(
			waitFor(
				`an execution with code ${code}`,
				async () => {
					const list = await executions();
					return withCode(list, code).length > 0 ? list : undefined;
				},
				{ timeoutMs, intervalMs: 1000 },
			),
		);
	}

	/** Exactly one execution has `code`, as its only item, with the event's fields. */
	function expectEmittedOnce(list: TriggerExecution[], activation: Bought, code: string): void {
		const found = withCode(list, code);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ status: 'success', mode: 'trigger' });
		expect(found[0].items).toHaveLength(1);
		const [item] = found[0].items;
		expect(item).toMatchObject({
			eventId: eventId(activation, code),
			provider: 'rentVerify',
			id: activation.id,
			phoneNumber: activation.phone,
			service: 'tg',
			country: 'usa',
			code,
			status: 'received',
		});
		expect(item.sample).toBeUndefined();
		expect(Number.isNaN(Date.parse(String(item.receivedAt)))).toBe(false);
	}

	function expectNoEventTwice(list: TriggerExecution[]): void {
		const ids = eventIds(list);
		expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
	}

	beforeAll(async () => {
		runtimeDir = (await runtime.ensureN8n({ log: progress })).dir;
		simulator = await startSimulator({ port: 0, host: '127.0.0.1', autoDeliver: null });
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-trigger-'));
		runtime.linkPackage(userFolder, ROOT);
		owner = makeOwner(runtimeDir);
		const credential: Credential = {
			id: 'e2eTriggerRentVfy',
			name: 'RentVerify (simulator)',
			type: 'rentVerifyApi',
			data: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: simulator.rentVerifyUrl, authHeader: 'xApiToken' },
		};
		await runtime.importCredentials(userFolder, [credential]);
		await runtime.importWorkflows(userFolder, [triggerWorkflow({ id: WORKFLOW_ID, name: 'New codes', credential })]);
		await publishWorkflow(userFolder, WORKFLOW_ID);
		// Bought before n8n starts: the poll at activation sees both waiting, with no code yet.
		early = await buyActivation(simulator);
		later = await buyActivation(simulator);
	});

	afterAll(async () => {
		await stop();
		await simulator?.close();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
	});

	// With durable poll cursors, n8n does not commit the state of the poll it runs at activation when it
	// emits nothing (only scheduled polls), so the first scheduled poll finds no state. The trigger bridges
	// that with the state its process remembers (state.ts); this step proves it in a real n8n.
	it(
		'emits a code that arrives between the activation and the first scheduled poll',
		async () => {
			await start();
			await explained(
				waitFor('the poll at activation to read the activations', () =>
					simulator.rentVerify.activation(early.id).polls >= 1 ? true : undefined, { timeoutMs: POLL_DEADLINE_MS }),
			);
			await sleep(SETTLE_MS); // activation ends (and saves its poll's state, in default mode)
			simulator.rentVerify.deliverCode(early.id, codes.early);

			await nextPoll(); // the poll that reads the code
			const list = await executionWith(codes.early, 10_000);
			expectEmittedOnce(list, early, codes.early);
		},
	);

	it('emits a code that arrives once scheduled polls run, once', async () => {
		await pollsSinceStart(2); // the poll at activation and a scheduled one
		simulator.rentVerify.deliverCode(later.id, codes.later);

		await executionWith(codes.later);
		await nextPoll(); // and the poll after it does not emit it again
		expectEmittedOnce(await executions(), later, codes.later);
	});

	it('emits nothing again after n8n restarts and polls a few times', async () => {
		const before = await executions();
		expect(eventIds(before)).toContain(eventId(later, codes.later));
		await stop();
		await start();
		await pollsSinceStart(3); // the poll at activation and two scheduled ones
		const after = await executions();
		expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
		expectEmittedOnce(after, later, codes.later);
		expectNoEventTwice(after);
	});

	it('emits a new code on the same activation after a retry, once', async () => {
		const before = await executions();
		simulator.rentVerify.requestRetry(later.id);
		await nextPoll(); // STATUS_WAIT_RETRY:{old code} emits nothing
		expect(await executions()).toHaveLength(before.length);

		simulator.rentVerify.deliverCode(later.id, codes.retry);
		const list = await executionWith(codes.retry);
		expect(list).toHaveLength(before.length + 1);
		expectEmittedOnce(list, later, codes.retry);
	});

	it('emits a code on an activation bought while n8n runs, once', async () => {
		third = await buyActivation(simulator);
		simulator.rentVerify.deliverCode(third.id, codes.third); // before any poll saw the activation
		await executionWith(codes.third);
		await nextPoll();
		const list = await executions();
		expectEmittedOnce(list, third, codes.third);
		expectEmittedOnce(list, later, codes.later);
		expectEmittedOnce(list, later, codes.retry);
		expectNoEventTwice(list);
		expect(list.every((e) => e.status === 'success' && e.mode === 'trigger')).toBe(true);
	});

	it(
		mode === 'default mode'
			? "keeps the trigger's state in the workflow's static data"
			: "keeps the trigger's state in n8n's poller_state table",
		async () => {
			await stop(); // the sqlite file is then quiet
			const cursors = await querySqlite(
				runtimeDir,
				userFolder,
				`SELECT cursor FROM poller_state WHERE workflowId='${WORKFLOW_ID}'`,
			);
			const [workflow] = await querySqlite(
				runtimeDir,
				userFolder,
				`SELECT staticData FROM workflow_entity WHERE id='${WORKFLOW_ID}'`,
			);
			const remembered = mode === 'default mode' ? workflow.staticData : cursors[0]?.cursor;
			if (mode === 'default mode') expect(cursors).toEqual([]);
			for (const code of [codes.later, codes.retry, codes.third]) expect(String(remembered)).toContain(code);
		},
	);
});
