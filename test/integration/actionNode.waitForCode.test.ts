// RentVerify → Activation → Wait for Code through n8n-core's real execution: codes after some polls,
// STATUS_WAIT_RETRY, a cancel from outside, the timeout (auto-cancel, kept, timed-out item), cancelling
// the execution, and several items waiting at once. Poll interval 3 s (the minimum), short timeouts.
import { NodeOperationError } from 'n8n-workflow';

import { ISO_UTC, buyDirect, byId, cents, errorItem, paired, pairs, rv, sleepMs, useSuite } from './support';

const suite = useSuite();
const INTERVAL_MS = 3000;

const wait = (activationId: string, rest: Record<string, unknown> = {}) =>
	rv('activation', 'waitForCode', { activationId: byId(activationId), pollInterval: 3, timeout: 15, ...rest });

test('STATUS_WAIT_RETRY: the old code is not taken as new; the next code is', async () => {
	const id = await buyDirect(suite.sim);
	suite.sim.rentVerify.deliverCode(id, '111111');
	suite.sim.rentVerify.requestRetry(id);
	// The first poll still answers STATUS_WAIT_RETRY:111111; the second brings the new code.
	suite.sim.rentVerify.scriptCode(id, { afterPolls: 1, code: '222222' });

	const result = await suite.run(wait(id));

	expect(result.status).toBe('success');
	expect(result.json[0]).toMatchObject({ id, status: 'received', code: '222222', codeAsSent: '222222' });
	const activation = suite.sim.rentVerify.activation(id);
	expect(activation.polls).toBe(2);
	expect(activation.codes.map((c) => c.code)).toEqual(['111111', '222222']);
}, 15_000);

test('a cancel from outside during the wait ends it with a clear error', async () => {
	const id = await buyDirect(suite.sim, 'usa', 'wa');
	const waiting = suite.start(wait(id));
	await sleepMs(1000);
	const cancelled = await suite.run(rv('activation', 'cancel', { activationId: byId(id) }));
	expect(cancelled.status).toBe('success');

	const result = await waiting.result;

	expect(result.status).toBe('error');
	expect(result.error).toBeInstanceOf(NodeOperationError);
	expect(result.error.message).toBe(`Activation ${id} was cancelled or expired before an SMS arrived`);
	expect(result.error.description).toMatch(/Buy a new number/);
	expect(suite.sim.rentVerify.activation(id).status).toBe('cancelled');
	// The cancel was the outside one only: the wait did not send another.
	expect(suite.sim.count('rentVerify', 'setStatus')).toBe(1);
	expect(suite.sim.rentVerify.activation(id).polls).toBe(2);
}, 15_000);

test('timeout: cancels the activation by default (refund minus $0.10) and fails with a clear error', async () => {
	const id = await buyDirect(suite.sim, 'usa', 'tg'); // 0.50
	expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.0));
	const log = suite.mark();

	const result = await suite.run(wait(id, { timeout: 3 }));

	expect(result.status).toBe('error');
	expect(result.error).toBeInstanceOf(NodeOperationError);
	expect(result.error.message).toBe(
		`No SMS arrived for activation ${id} within 3 seconds, so it was cancelled and its cost refunded minus the provider's fee`,
	);
	expect(result.error.description).toMatch(/Buy a new number/);
	expect(suite.sim.rentVerify.activation(id).status).toBe('cancelled');
	expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.1));
	expect(log('rentVerify', 'setStatus').map((r) => r.query)).toEqual([{ id, status: '8' }]);
}, 15_000);

test('timeout per item: kept with Cancel on Timeout off, a timedOut item with On Timeout "output", each paired', async () => {
	const kept = await buyDirect(suite.sim); // 0.50 each
	const outputCancelled = await buyDirect(suite.sim);
	const outputKept = await buyDirect(suite.sim);

	const result = await suite.run(
		rv('activation', 'waitForCode', {
			activationId: byId('={{ $json.id }}'),
			pollInterval: 3,
			timeout: 3,
			options: { onTimeout: '={{ $json.onTimeout }}', cancelOnTimeout: '={{ $json.cancel }}' },
		}),
		{
			input: [
				{ id: kept, onTimeout: 'fail', cancel: false },
				{ id: outputCancelled, onTimeout: 'output', cancel: true },
				{ id: outputKept, onTimeout: 'output', cancel: false },
			],
			continueOnFail: true,
		},
	);

	expect(result.status).toBe('success');
	expect(pairs(result.items)).toEqual(paired(0, 1, 2));
	expect(result.json[0]).toEqual(errorItem(new RegExp(`^No SMS arrived for activation ${kept} within 3 seconds; the number was kept$`), /cancel the activation/i));
	expect(result.json[1]).toMatchObject({ provider: 'rentVerify', id: outputCancelled, timedOut: true, cancelled: true, status: 'cancelled', code: null });
	expect(result.json[2]).toMatchObject({ provider: 'rentVerify', id: outputKept, timedOut: true, cancelled: false, status: 'waiting', code: null });
	expect(suite.sim.rentVerify.activation(kept).status).toBe('waiting');
	expect(suite.sim.rentVerify.activation(outputCancelled).status).toBe('cancelled');
	expect(suite.sim.rentVerify.activation(outputKept).status).toBe('waiting');
	expect(suite.sim.requests.filter((r) => r.route === 'setStatus').map((r) => r.query.id)).toEqual([outputCancelled]);
	expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 1.5 + 0.4));
}, 15_000);

test('cancelling the execution stops the wait at once, inside its sleep', async () => {
	const id = await buyDirect(suite.sim);
	// Poll Interval 300 s (the most) and Timeout 600 s: after the first poll the wait sleeps 5 minutes, so the
	// run can only end within this test's time limit if the cancel ends that sleep (n8n waits for the node).
	const run = suite.start(wait(id, { pollInterval: 300, timeout: 600 }));
	while (suite.sim.rentVerify.activation(id).polls === 0) await sleepMs(20);

	run.cancel();
	const result = await run.result;

	expect(result.status).toBe('canceled');
	// It ended without polling again, and left the activation as it was (no cancel sent).
	expect(suite.sim.rentVerify.activation(id).polls).toBe(1);
	expect(suite.sim.count('rentVerify', 'getStatus')).toBe(1);
	expect(suite.sim.count('rentVerify', 'setStatus')).toBe(0);
	expect(suite.sim.rentVerify.activation(id).status).toBe('waiting');
}, 15_000);

test('a cancelled wait leaves nothing polling in the background', async () => {
	const id = await buyDirect(suite.sim);
	const run = suite.start(wait(id, { timeout: 60 }));
	while (suite.sim.rentVerify.activation(id).polls === 0) await sleepMs(20);
	run.cancel();
	expect((await run.result).status).toBe('canceled');

	// Two more intervals: a wait still running would have polled again by now (timers never fire early).
	await sleepMs(2 * INTERVAL_MS);
	expect(suite.sim.rentVerify.activation(id).polls).toBe(1);
}, 15_000);

test('codes after some polls; several items wait at the same time: three codes after two polls each come in the time of one', async () => {
	const ids = [await buyDirect(suite.sim, 'usa', 'tg'), await buyDirect(suite.sim, 'england', 'wa'), await buyDirect(suite.sim, 'india', 'google')];
	ids.forEach((id, i) => suite.sim.rentVerify.scriptCode(id, { afterPolls: 2, code: `FB-70000${i}` }));
	const log = suite.mark();

	const result = await suite.run(
		rv('activation', 'waitForCode', { activationId: byId('={{ $json.id }}'), pollInterval: 3, timeout: 20 }),
		{ input: ids.map((id) => ({ id })) },
	);

	expect(result.status).toBe('success');
	expect(pairs(result.items)).toEqual(paired(0, 1, 2));
	expect(result.json).toEqual(
		ids.map((id, i) => ({
			provider: 'rentVerify',
			id,
			status: 'received',
			// The input items carry only the ID: the rest of the number comes from one read of the active list.
			phoneNumber: `+${suite.sim.rentVerify.activation(id).phone.replace(/^\+/, '')}`,
			service: ['tg', 'wa', 'google'][i],
			country: ['usa', 'england', 'india'][i],
			code: `70000${i}`,
			codeAsSent: `FB-70000${i}`,
			cost: suite.sim.rentVerify.activation(id).cost,
			expiresAt: expect.stringMatching(ISO_UTC),
			raw: { answer: `STATUS_OK:FB-70000${i}` },
		})),
	);
	for (const id of ids) expect(suite.sim.rentVerify.activation(id).polls).toBe(3);
	expect(suite.sim.count('rentVerify', 'setStatus')).toBe(0);

	const polls = log('rentVerify', 'getStatus');
	expect(polls).toHaveLength(9);
	// Three rounds, each polling every item together: round k holds one poll of each activation, and every poll
	// of a round comes before any poll of the next. Three waits one after another would poll one activation
	// three times, then the next ([a, a, a, b, b, b, …]), so one wait of two intervals serves all three.
	for (let round = 0; round < 3; round++) {
		const batch = polls.slice(round * 3, round * 3 + 3);
		expect(batch.map((r) => r.query.id).sort()).toEqual([...ids].sort());
	}
	// Rounds start one interval apart, never faster than the Poll Interval (the log's times relative to each other;
	// a slow machine only makes the gaps longer). A round's first check is sent as the round starts, so the start
	// of one round to the start of the next is the interval, less only the few ms the first check takes to arrive.
	expect(polls[3].at - polls[0].at).toBeGreaterThanOrEqual(INTERVAL_MS - 100);
	expect(polls[6].at - polls[3].at).toBeGreaterThanOrEqual(INTERVAL_MS - 100);
}, 20_000);

test('under Continue On Fail an item that fails is an error item paired to it; the others still get their code', async () => {
	const good = await buyDirect(suite.sim);
	suite.sim.rentVerify.scriptCode(good, { afterPolls: 1, code: '424242' });

	const result = await suite.run(
		rv('activation', 'waitForCode', { activationId: byId('={{ $json.id }}'), pollInterval: 3, timeout: 10 }),
		{ input: [{ id: '999' }, { id: good }, { id: '' }], continueOnFail: true },
	);

	expect(result.status).toBe('success');
	expect(pairs(result.items)).toEqual(paired(0, 1, 2));
	expect(result.json[0]).toEqual(errorItem(/BAD_ACTION/, /activation ID/));
	expect(result.json[1]).toMatchObject({ id: good, code: '424242', status: 'received' });
	expect(result.json[2]).toEqual(errorItem(/No activation ID was given/, /\$\('Buy a number'\)/));
	expect(suite.sim.count('rentVerify', 'getStatus')).toBe(3);
}, 15_000);

test('without Continue On Fail a failing item fails the run with its error', async () => {
	const result = await suite.run(wait('999'));
	expect(result.status).toBe('error');
	expect(result.error.message).toMatch(/BAD_ACTION/);
	expect(suite.sim.count('rentVerify', 'getStatus')).toBe(1);
});
