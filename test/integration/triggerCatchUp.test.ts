// Polls of one trigger that overlap in one n8n process (pollState.ts): n8n's durable scheduler, after downtime,
// runs the missed occurrence of every Poll Times entry at once, each from the same committed cursor (docs/N8N.md,
// "Queue mode"). Every poll goes through n8n-core's PollContext against the simulator; Deployment.catchUp starts
// them together and commits each one's cursor as n8n does, when it ends and only if it changed.
import {
	COMMIT_WINDOW_MS,
	CLAIM_LIMIT_MS,
	forgetProcessMemory,
} from '../../nodes/shared/trigger/pollState';
import {
	Deployment,
	RENTVERIFY,
	buyNumber,
	eventIds,
	otpVerifiedParameters,
	pollOnce,
	rentNumber,
	type Simulator,
	useTriggerSimulator,
	wasLeftOut,
} from './triggerSupport';

let sim: Simulator;
useTriggerSimulator((started) => (sim = started));

afterEach(() => {
	jest.restoreAllMocks();
});

/** Moves this process's clock (and the simulator's, which follows it) `ms` ahead. */
function clockAhead(ms: number): void {
	const realNow = Date.now.bind(Date);
	jest.spyOn(Date, 'now').mockImplementation(() => realNow() + ms);
}

/**
 * A RentVerify Trigger with durable cursors past its first scheduled poll, watching one activation; `pollFrom`
 * runs one poll of it from the given committed state, as n8n would with that cursor.
 */
async function watchedActivation() {
	const id = await buyNumber(sim);
	const trigger = new Deployment(sim, RENTVERIFY, true);
	await trigger.poll();
	await trigger.poll();
	const pollFrom = async (staticData: string | undefined) => await pollOnce(sim, RENTVERIFY, staticData, { workflowId: trigger.workflowId });
	return { id, trigger, pollFrom };
}


describe('n8n catching up after downtime: several polls at once from one committed cursor', () => {
	it('RentVerify: each code delivered during the downtime is emitted once, and the committed cursor holds them all', async () => {
		const ids = [await buyNumber(sim), await buyNumber(sim, 'wa'), await buyNumber(sim)];
		const trigger = new Deployment(sim, RENTVERIFY, true);
		expect((await trigger.poll()).error).toBeUndefined();
		sim.rentVerify.deliverCode(ids[0], '100001');
		expect((await trigger.poll()).json).toHaveLength(1); // committed: the cursor holds 100001

		// Downtime: n8n stops, codes arrive, n8n starts and runs its activation poll first.
		trigger.restart();
		expect((await trigger.poll()).json).toEqual([]);
		ids.forEach((id, index) => sim.rentVerify.deliverCode(id, String(200001 + index)));

		const polls = await trigger.catchUp(4);
		expect(polls.filter((poll) => poll.error)).toEqual([]);
		expect(polls.filter((poll) => !poll.leftOut)).toHaveLength(1);
		expect(polls.filter((poll) => poll.leftOut)).toHaveLength(3);
		expect(eventIds(trigger.emitted).sort()).toEqual(
			[`rentVerify:${ids[0]}:100001`, ...ids.map((id, index) => `rentVerify:${id}:${200001 + index}`)].sort(),
		);

		// The committed cursor is the emitting poll's: the next poll, from it, finds nothing new.
		expect((await trigger.poll()).json).toEqual([]);
		sim.rentVerify.deliverCode(ids[1], '300001');
		expect(eventIds((await trigger.poll()).json)).toEqual([`rentVerify:${ids[1]}:300001`]);
		expect(new Set(eventIds(trigger.emitted)).size).toBe(trigger.emitted.length);
	});

	it('OTPVerified: each message is emitted once', async () => {
		const orders = [await rentNumber(sim), await rentNumber(sim)];
		const trigger = new Deployment(sim, otpVerifiedParameters(orders), true);
		expect((await trigger.poll()).error).toBeUndefined();
		trigger.restart();
		expect((await trigger.poll()).json).toEqual([]);
		const messages = [sim.otpVerified.addMessage(orders[0]), sim.otpVerified.addMessage(orders[1])];

		const polls = await trigger.catchUp(6);
		expect(polls.filter((poll) => poll.error)).toEqual([]);
		expect(polls.filter((poll) => poll.leftOut)).toHaveLength(5);
		expect(eventIds(trigger.emitted).sort()).toEqual(
			[`otpVerified:${orders[0]}:${messages[0].id}`, `otpVerified:${orders[1]}:${messages[1].id}`].sort(),
		);
		expect((await trigger.poll()).json).toEqual([]);
	});

	it('a poll left out makes no request and changes nothing, so n8n commits nothing for it', async () => {
		const { id, trigger } = await watchedActivation();
		const committed = trigger.saved;
		const requestsBefore = sim.requests.length;
		const polls = await trigger.catchUp(3);
		const ran = polls.filter((poll) => !poll.leftOut);
		expect(ran).toHaveLength(1);
		// One poll's requests: the active list and the one activation's status.
		expect(sim.requests.slice(requestsBefore).map((entry) => entry.route).sort()).toEqual(
			['getActiveActivations', 'getStatus'].sort(),
		);
		expect(trigger.saved).toBe(committed);
		sim.rentVerify.deliverCode(id, '123456');
		expect(eventIds((await trigger.poll()).json)).toEqual([`rentVerify:${id}:123456`]);
	});
});

describe('a poll that read its cursor before an emitting poll committed', () => {
	it('is left out until that commit lands, then runs from it', async () => {
		const { id, trigger, pollFrom } = await watchedActivation();
		const before = trigger.saved;
		sim.rentVerify.deliverCode(id, '424242');

		// Poll A emits; n8n has not committed its cursor yet when poll B reads the old one.
		const a = await pollFrom(before);
		expect(eventIds(a.json)).toEqual([`rentVerify:${id}:424242`]);
		const b = await pollFrom(before);
		expect(b.items).toBeNull();
		expect(wasLeftOut(b)).toBe(true);
		expect(JSON.parse(b.staticData)).toEqual(JSON.parse(before as string));

		// A's commit lands: the next poll runs from it and emits only what is new.
		const c = await pollFrom(a.staticData);
		expect(wasLeftOut(c)).toBe(false);
		expect(c.json).toEqual([]);
		sim.rentVerify.requestRetry(id);
		sim.rentVerify.deliverCode(id, '434343');
		const d = await pollFrom(c.staticData);
		expect(eventIds(d.json)).toEqual([`rentVerify:${id}:434343`]);
	});

	it('runs from the older cursor once the commit window has passed: n8n dropped that commit, so its codes come again', async () => {
		const { id, trigger, pollFrom } = await watchedActivation();
		const before = trigger.saved;
		sim.rentVerify.deliverCode(id, '515151');
		const dropped = await pollFrom(before);
		expect(eventIds(dropped.json)).toEqual([`rentVerify:${id}:515151`]);

		clockAhead(COMMIT_WINDOW_MS - 60_000);
		expect((await pollFrom(before)).items).toBeNull();
		jest.restoreAllMocks();
		clockAhead(COMMIT_WINDOW_MS + 1000);
		const again = await pollFrom(before);
		expect(eventIds(again.json)).toEqual([`rentVerify:${id}:515151`]);
	});

	it('is not held back after a restart: a new process remembers nothing, and the committed cursor is the truth', async () => {
		const { id, trigger, pollFrom } = await watchedActivation();
		const before = trigger.saved;
		sim.rentVerify.deliverCode(id, '616161');
		await pollFrom(before); // its commit never lands
		forgetProcessMemory(trigger.workflowId);
		const after = await pollFrom(before);
		expect(eventIds(after.json)).toEqual([`rentVerify:${id}:616161`]);
	});
});

describe('the claim one running poll holds', () => {
	it('is released when the poll fails, so the next poll runs', async () => {
		const { id, trigger } = await watchedActivation();
		sim.fault('rentVerify', 'getActiveActivations', { kind: 'word', body: 'ERROR_SQL_BROKEN', times: 1 });
		expect((await trigger.poll()).error).toBeDefined();
		sim.rentVerify.deliverCode(id, '717171');
		const next = await trigger.poll();
		expect(next.leftOut).toBe(false);
		expect(eventIds(next.json)).toEqual([`rentVerify:${id}:717171`]);
	});

	it('is taken over after CLAIM_LIMIT_MS, so a poll that never ends cannot stop the trigger', async () => {
		const { id, trigger, pollFrom } = await watchedActivation();
		sim.fault('rentVerify', 'getActiveActivations', { kind: 'latency', ms: 1500, times: 1 });
		const slow = pollFrom(trigger.saved);
		await new Promise((resolve) => setTimeout(resolve, 200));
		// While it runs, another poll is left out.
		const leftOut = await pollFrom(trigger.saved);
		expect(wasLeftOut(leftOut)).toBe(true);
		// Past the limit, its claim counts as abandoned.
		clockAhead(CLAIM_LIMIT_MS + 1000);
		sim.rentVerify.deliverCode(id, '818181');
		const taken = await pollFrom(trigger.saved);
		expect(wasLeftOut(taken)).toBe(false);
		expect(eventIds(taken.json)).toEqual([`rentVerify:${id}:818181`]);
		// (n8n would have dropped the abandoned poll's commit long before: its lease is 60 s.)
		await slow;
	});
});
