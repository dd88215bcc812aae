// OTPVerified Trigger → New Message, driven through n8n-core's PollContext against the simulator.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	Deployment,
	STATE_BOUND_BYTES,
	eventIds,
	otpVerifiedParameters,
	pollOnce,
	rentNumber,
	type Simulator,
	useTriggerSimulator,
} from './triggerSupport';

let sim: Simulator;
// A winter start: message times carry EST, five hours behind UTC.
useTriggerSimulator((started) => (sim = started), { startTime: Date.UTC(2026, 0, 15, 12, 0, 0) });

const ids = (orderId: string, messages: Array<{ id: string }>) => messages.map((m) => `otpVerified:${orderId}:${m.id}`);

it('skips the messages already there at activation, then emits each new one once with every field', async () => {
	const order = await rentNumber(sim, '1fe58df2');
	sim.otpVerified.addMessage(order);
	const trigger = new Deployment(sim, otpVerifiedParameters([order]));
	expect((await trigger.poll()).json).toEqual([]);

	sim.advanceTime(5000);
	const message = sim.otpVerified.addMessage(order, { pin: 'G-276964', message: 'G-276964 is your Google verification code.' });
	const result = await trigger.poll();
	expect(result.json).toEqual([
		{
			eventId: `otpVerified:${order}:${message.id}`,
			provider: 'otpVerified',
			id: order,
			messageId: message.id,
			phoneNumber: `+${message.number}`,
			service: 'Google',
			sender: '22000',
			text: 'G-276964 is your Google verification code.',
			code: '276964',
			codeAsSent: 'G-276964',
			receivedAt: new Date(`${message.timestamp.slice(0, 10)}T${message.timestamp.slice(11, 19)}-05:00`).toISOString(),
			receivedAtOriginal: message.timestamp,
			raw: expect.objectContaining({ id: message.id, pin: 'G-276964' }),
		},
	]);
	expect(message.timestamp).toMatch(/ EST$/);
	expect((await trigger.poll()).json).toEqual([]);
});

it('emits the messages already there when "Emit Codes Already There" is on', async () => {
	const order = await rentNumber(sim);
	const existing = [sim.otpVerified.addMessage(order), sim.otpVerified.addMessage(order)];
	const trigger = new Deployment(sim, otpVerifiedParameters([order], { emitExisting: true }));
	expect(eventIds((await trigger.poll()).json)).toEqual(ids(order, existing));
	expect((await trigger.poll()).json).toEqual([]);
});

it('watches several orders; one failing order does not hold back the others and catches up', async () => {
	const orders = [await rentNumber(sim), await rentNumber(sim), await rentNumber(sim)];
	const trigger = new Deployment(sim, otpVerifiedParameters(orders, { concurrency: 1 }));
	await trigger.poll();
	const added = orders.map((order) => sim.otpVerified.addMessage(order));
	sim.fault('otpVerified', 'rental-messages', { kind: 'word', body: 'not json at all', status: 200, times: 1 });
	expect((await trigger.poll()).json).toHaveLength(2);
	expect((await trigger.poll()).json).toHaveLength(1);
	expect(eventIds(trigger.emitted).sort()).toEqual(orders.flatMap((order, i) => ids(order, [added[i]])).sort());
});

it('fails the poll with a clear error when every order fails, changing nothing', async () => {
	const order = await rentNumber(sim);
	const trigger = new Deployment(sim, otpVerifiedParameters([order]));
	await trigger.poll();
	const message = sim.otpVerified.addMessage(order);
	const before = trigger.memory;
	// A proxy's 404 page is not transient, so the transport does not retry it (RentVerify's test covers a 502 outage
	// with retries).
	sim.fault('otpVerified', 'rental-messages', { kind: 'word', body: '<html><title>404 Not Found</title></html>', status: 404 });
	const failed = await trigger.poll();
	expect(failed.error).toBeInstanceOf(NodeApiError);
	expect(failed.error?.message).toBe('OTPVerified answered with an HTML page (HTTP 404, "404 Not Found") instead of an API answer');
	expect(trigger.memory).toBe(before);
	expect(eventIds((await trigger.poll()).json)).toEqual(ids(order, [message]));
});

it('gives a clear error for a wrong API key or an unknown order', async () => {
	const order = await rentNumber(sim);
	const wrongKey = await runPollError({ otpVerifiedApi: 'nope' }, [order]);
	expect(wrongKey).toBeInstanceOf(NodeApiError);
	expect(wrongKey.message).toBe('OTPVerified refused the request: "Unauthorized" (HTTP 401)');
	const unknown = await runPollError({}, ['999']);
	expect(unknown.message).toBe('OTPVerified refused the request: "Order not found" (HTTP 404)');
	const none = await runPollError({}, []);
	expect(none).toBeInstanceOf(NodeOperationError);
	expect(none.message).toBe('Set at least one order ID to watch');
});

async function runPollError(keys: { otpVerifiedApi?: string }, orderIds: string[]): Promise<Error> {
	return await pollOnce(sim, otpVerifiedParameters(orderIds), undefined, { tokens: { otpVerified: keys.otpVerifiedApi } }).then(
		() => {
			throw new Error('expected the poll to fail');
		},
		(error: unknown) => error as Error,
	);
}

it('never repeats a message after a restart, and re-reads what a rolled-back null poll saw', async () => {
	const order = await rentNumber(sim);
	const trigger = new Deployment(sim, otpVerifiedParameters([order]));
	await trigger.poll();
	const first = sim.otpVerified.addMessage(order);
	expect((await trigger.poll()).json).toHaveLength(1);
	expect((await trigger.poll()).json).toEqual([]);
	trigger.restart();
	expect((await trigger.poll()).json).toEqual([]);
	const second = sim.otpVerified.addMessage(order);
	trigger.restart();
	expect(eventIds((await trigger.poll()).json)).toEqual(ids(order, [second]));
	expect(eventIds(trigger.emitted)).toEqual(ids(order, [first, second]));
});

it('drops orders no longer watched, and skips the history of a newly watched one', async () => {
	const a = await rentNumber(sim);
	const b = await rentNumber(sim);
	sim.otpVerified.addMessage(b);
	const trigger = new Deployment(sim, otpVerifiedParameters([a]));
	await trigger.poll();
	trigger.parameters = otpVerifiedParameters([b]);
	trigger.restart(); // an edit re-activates the workflow
	expect((await trigger.poll()).json).toEqual([]);
	expect(Object.keys((trigger.nodeState().otpVerified as { o: object }).o)).toEqual([b]);
	const later = sim.otpVerified.addMessage(b);
	expect(eventIds((await trigger.poll()).json)).toEqual(ids(b, [later]));
});

it('Fetch Test Event returns the newest message, or a labelled sample, and changes nothing', async () => {
	const a = await rentNumber(sim);
	const b = await rentNumber(sim);
	const trigger = new Deployment(sim, otpVerifiedParameters([a, b]));
	await trigger.poll();
	const before = trigger.memory as string;
	const sample = await pollOnce(sim, otpVerifiedParameters([a, b]), before, { mode: 'manual' });
	expect(sample.json).toEqual([expect.objectContaining({ sample: true, provider: 'otpVerified', note: expect.any(String) })]);
	expect(sample.staticData).toBe(before);

	sim.otpVerified.addMessage(a);
	sim.advanceTime(3000);
	const newest = sim.otpVerified.addMessage(b, { pin: '55555' });
	const manual = await pollOnce(sim, otpVerifiedParameters([a, b]), before, { mode: 'manual' });
	expect(manual.json).toEqual([expect.objectContaining({ eventId: `otpVerified:${b}:${newest.id}`, code: '55555' })]);
	expect(manual.staticData).toBe(before);
	expect((await trigger.poll()).json).toHaveLength(2);
});

it('keeps more messages than it remembers apart: the time cursor covers the ones it forgets', async () => {
	const order = await rentNumber(sim);
	const trigger = new Deployment(sim, otpVerifiedParameters([order]));
	await trigger.poll();
	const expected: string[] = [];
	// Bursts of 30 messages within one second (more than the 20 ids remembered per order), a minute apart.
	for (let burst = 0; burst < 4; burst++) {
		sim.advanceTime(60_000);
		for (let i = 0; i < 30; i++) expected.push(...ids(order, [sim.otpVerified.addMessage(order)]));
		expect((await trigger.poll()).json).toHaveLength(30);
		trigger.restart();
		expect((await trigger.poll()).json).toEqual([]);
	}
	expect(eventIds(trigger.emitted).sort()).toEqual(expected.sort());
	const entry = (trigger.nodeState().otpVerified as { o: Record<string, { m: unknown[]; c?: unknown[] }> }).o[order];
	expect(entry.m.length).toBeLessThanOrEqual(20);
	expect(entry.c).toBeDefined();
});

it(`stays under ${STATE_BOUND_BYTES / 1024} KiB after 100,000 messages, each emitted once`, async () => {
	// One poll a minute; in each, a thousand messages arrive on the watched order, within one second. The node
	// watches two orders at a time: the one getting messages, and the next one, which it sees empty first.
	// After its poll an order is dropped from the node, so the state forgets it.
	const polls = 100;
	const perPoll = 1000;
	const orders: string[] = [];
	for (let i = 0; i <= polls; i++) orders.push(await rentNumber(sim));
	const trigger = new Deployment(sim, otpVerifiedParameters(orders.slice(0, 2)));
	await trigger.poll();
	let sent = 0;
	let maxBytes = 0;
	const seen = new Set<string>();
	for (let p = 0; p < polls; p++) {
		sim.advanceTime(60_000);
		for (let i = 0; i < perPoll; i++) {
			sim.otpVerified.addMessage(orders[p], { message: `Your code is ${100000 + ((sent + i) % 900000)}` });
		}
		sent += perPoll;
		trigger.parameters = otpVerifiedParameters(orders.slice(p, p + 2));
		const result = await trigger.poll();
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(perPoll);
		for (const id of eventIds(result.json)) {
			expect(seen.has(id)).toBe(false);
			seen.add(id);
		}
		maxBytes = Math.max(maxBytes, trigger.stateBytes());
	}
	expect(sent).toBe(100_000);
	expect(seen.size).toBe(100_000);
	expect(maxBytes).toBeLessThanOrEqual(STATE_BOUND_BYTES);
	// Each order keeps at most 20 message ids and a cursor.
	expect(maxBytes).toBeLessThan(2 * 1024);
}, 120_000);
