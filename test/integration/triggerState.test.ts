// The trigger's pure parts, which every poll() runs: the worker pool, the RentVerify plan/apply steps at a scale
// the simulator cannot reach in a test's time (100,000 codes, thousands of activations), and the OTPVerified
// message cursor's edge cases. The HTTP-driven tests in trigger*.test.ts cover the same code end to end.
import type { IDataObject } from 'n8n-workflow';

import type { RentalMessage } from '../../nodes/shared/transport/otpVerifiedAnswers';
import type { ActivationStatus, ActiveActivation } from '../../nodes/shared/transport/rentVerifyAnswers';
import { applyMessages } from '../../nodes/shared/trigger/otpVerifiedMessages';
import { mapWithConcurrency, type TaskOutcome as Outcome } from '../../nodes/shared/pool';
import { applyStatuses, planActivations, type ActivationWatch } from '../../nodes/shared/trigger/activationCodes';
import {
	MAX_MESSAGE_IDS_PER_ORDER,
	STATE_BUDGET_BYTES,
	readState,
	type OrderEntry,
	type RentVerifyState,
} from '../../nodes/shared/trigger/state';

const BOUND = 64 * 1024;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe('mapWithConcurrency', () => {
	it('never runs more than the limit at once, keeps the order, and isolates failures', async () => {
		let running = 0;
		let peak = 0;
		const outcomes = await mapWithConcurrency(
			Array.from({ length: 23 }, (_, i) => i),
			5,
			async (n) => {
				running++;
				peak = Math.max(peak, running);
				for (let tick = 0; tick < (n % 4) + 1; tick++) await Promise.resolve();
				running--;
				if (n % 7 === 3) throw new Error(`no ${n}`);
				return n * 2;
			},
		);
		expect(peak).toBe(5);
		expect(outcomes.map((o) => (o.state === 'done' ? o.value : o.state))).toEqual(
			Array.from({ length: 23 }, (_, i) => (i % 7 === 3 ? 'failed' : i * 2)),
		);
	});

	it('starts nothing after the deadline; the rest is skipped, not failed', async () => {
		const outcomes = await mapWithConcurrency([1, 2, 3], 2, async (n) => n, Date.now() - 1);
		expect(outcomes).toEqual([{ state: 'skipped' }, { state: 'skipped' }, { state: 'skipped' }]);
	});
});

function activation(id: string, createdAt: number, extra: Partial<ActiveActivation> = {}): ActiveActivation {
	return {
		activationId: id,
		phoneNumber: `+1202555${id.slice(-4)}`,
		service: 'tg',
		country: 'usa',
		status: 'received',
		cost: 0.5,
		createdAt: new Date(createdAt).toISOString(),
		expiresAt: new Date(createdAt + 20 * 60_000).toISOString(),
		raw: {},
		...extra,
	};
}

const received = (code: string): Outcome<ActivationStatus> => ({
	state: 'done',
	value: { status: 'received', code, codeDigits: code.replace(/\D/g, '') || null, word: `STATUS_OK:${code}` },
});

const ALL: ActivationWatch = { activationIds: [], services: [], countries: [] };

/** One poll of the pure steps, as pollRentVerify runs them, with every status answered from `codes`. */
function pollPure(
	previous: RentVerifyState | undefined,
	list: ActiveActivation[],
	codes: Map<string, string>,
	now: number,
	watch = ALL,
) {
	const plan = planActivations(previous, list, watch, now);
	const outcomes = plan.candidates.map((c) => (c.read ? received(codes.get(c.id) ?? 'none') : undefined));
	const result = applyStatuses(plan, outcomes, { provider: 'rentVerify', firstActivation: previous === undefined, emitExisting: false, now });
	// Round-trip as n8n stores it.
	const next = readState(JSON.parse(JSON.stringify({ v: 1, rentVerify: result.next })) as IDataObject).rentVerify;
	return { ...result, next: next as RentVerifyState, plan };
}

describe('RentVerify state at scale', () => {
	it('emits 100,000 codes once each, and the state stays under 64 KiB throughout', () => {
		// 300 activations listed at a time; each lives 40 polls (a minute apart, births staggered) and gets a new
		// code every poll, then leaves the list and is followed until its expiry has passed.
		let now = Date.UTC(2026, 10, 25, 12);
		let nextId = 5_640_086_027;
		let live: Array<{ a: ActiveActivation; born: number }> = [];
		const codes = new Map<string, string>();
		const finished: string[] = [];
		let state: RentVerifyState | undefined;
		let emitted = 0;
		const seen = new Set<string>();
		let maxBytes = 0;
		let poll = 0;
		let leftOut = 0;
		const wrongPolls: number[] = [];
		for (; emitted < 100_000; poll++) {
			while (live.length < 300) {
				const age = poll === 0 ? live.length % 40 : 0;
				live.push({ a: activation(String(nextId), now - age * 60_000), born: poll - age });
				nextId += 7;
			}
			if (poll > 0) for (const { a } of live) codes.set(a.activationId, `${poll}${a.activationId.slice(-5)}`);
			const result = pollPure(state, live.map((l) => l.a), codes, now);
			for (const item of result.events) seen.add(String(item.eventId));
			emitted += result.events.length;
			// Plain checks in the loop (jest's expect is slow at 100,000 calls); asserted once below.
			if (poll > 0 && result.events.length !== 300) wrongPolls.push(poll);
			leftOut += result.plan.leftOut.length;
			state = result.next;
			maxBytes = Math.max(maxBytes, bytes({ v: 1, rentVerify: state }));
			const leaving = live.filter((l) => poll - l.born >= 40);
			finished.push(...leaving.map((l) => l.a.activationId));
			live = live.filter((l) => poll - l.born < 40);
			now += 60_000;
		}
		expect(emitted).toBeGreaterThanOrEqual(100_000);
		expect(seen.size).toBe(emitted);
		expect(wrongPolls).toEqual([]);
		expect(leftOut).toBe(0);
		expect(maxBytes).toBeLessThanOrEqual(STATE_BUDGET_BYTES);
		expect(maxBytes).toBeLessThanOrEqual(BOUND);
		// Finished activations were followed, then forgotten once expired: only recent ones remain.
		const remembered = Object.keys(state?.a ?? {});
		expect(remembered.length).toBeLessThan(300 + 300);
		expect(remembered).not.toContain(finished[0]);
	});

	it('keeps the state within budget however many activations, ids, codes and metadata grow', () => {
		const now = Date.now();
		const huge = 'ü'.repeat(200);
		const list = Array.from({ length: 2000 }, (_, i) =>
			activation(`${'9'.repeat(30)}${i}`, now - i * 1000, { phoneNumber: `+${'1'.repeat(40)}`, service: huge, country: huge }),
		);
		let state: RentVerifyState | undefined;
		for (let round = 0; round < 6; round++) {
			const codes = new Map(list.map((a) => [a.activationId, `${round} a long opaque code ${a.activationId} ✓`]));
			const result = pollPure(state, list, codes, now + round * 60_000);
			expect(result.plan.leftOut.length).toBeGreaterThan(0);
			state = result.next;
			expect(bytes({ v: 1, rentVerify: state })).toBeLessThanOrEqual(STATE_BUDGET_BYTES);
		}
	});

	it('prefers the IDs set in the node, then the newest activations, when it must leave some out', () => {
		const now = Date.now();
		const list = Array.from({ length: 700 }, (_, i) => activation(String(6_000_000_000 + i), now - (700 - i) * 1000));
		const plan = planActivations(undefined, list, ALL, now);
		// The byte budget binds before the count cap of 500: every entry is counted at its worst case.
		expect(plan.candidates.length).toBeGreaterThan(300);
		expect(plan.candidates.length).toBeLessThanOrEqual(500);
		expect(plan.candidates.length + plan.leftOut.length).toBe(700);
		expect(plan.candidates.map((c) => c.id)).toEqual(
			Array.from({ length: plan.candidates.length }, (_, i) => String(6_000_000_699 - i)),
		);
		const pinned = planActivations(undefined, list, { ...ALL, activationIds: ['6000000000'] }, now);
		expect(pinned.candidates.map((c) => c.id)).toEqual(['6000000000']);
	});

	it('reads damaged static data without crashing, keeping the entries that are sound', () => {
		const state = readState({
			v: 1,
			rentVerify: { a: { good: { c: ['1', 2, '3'], x: 5, d: 1 }, bad: 'nope', worse: { c: 'x' } } },
			otpVerified: { o: { fine: { m: [['k', 10], ['z', null], [1, 2], 'x'], c: [5, 'k'] }, broken: [] } },
		});
		expect(state).toEqual({
			v: 1,
			rentVerify: { a: { good: { c: ['1', '3'], x: 5, d: 1 } } },
			otpVerified: { o: { fine: { m: [['k', 10], ['z', null]], c: [5, 'k'] } } },
		});
		expect(readState({})).toEqual({ v: 1 });
	});

	it('does not guess at state in another format version: it starts afresh, as a first activation', () => {
		const written = { v: 2, rentVerify: { a: { '5640086027': { c: ['111111'] } } } };
		expect(readState(written)).toEqual({ v: 1 });
		expect(readState({ ...written, v: 1 }).rentVerify).toEqual({ a: { '5640086027': { c: ['111111'] } } });
	});
});

function message(id: string, seconds: number | null): RentalMessage {
	return {
		messageId: id,
		orderId: '1',
		receivedAt: seconds === null ? null : new Date(seconds * 1000).toISOString(),
		receivedAtOriginal: null,
		service: 'Telegram',
		sender: '42777',
		phoneNumber: null,
		text: `code ${id}`,
		pin: null,
		code: null,
		raw: {},
	};
}

describe('OTPVerified message cursor', () => {
	const T = 1_780_000_000;
	const run = (entry: OrderEntry | undefined, messages: RentalMessage[]) =>
		applyMessages('1', entry, messages, { emitExisting: false });

	it('forgets old ids only behind a cursor that covers them, also within one second', () => {
		let entry = run(undefined, []).entry;
		// 50 messages in one second, ids in no particular order: more than it remembers.
		const burst = Array.from({ length: 50 }, (_, i) => message(((i * 37) % 101).toString(16).padStart(4, '0'), T));
		const first = run(entry, burst);
		expect(first.events).toHaveLength(50);
		entry = first.entry;
		expect(entry.m).toHaveLength(MAX_MESSAGE_IDS_PER_ORDER);
		expect(entry.c?.[0]).toBe(T);
		// The provider lists everything again, plus new messages a second later: only those are new.
		const later = [message('aaaa', T + 1), message('0000', T + 1)];
		const second = run(entry, [...burst, ...later]);
		expect(second.events.map((e) => e.messageId)).toEqual(['aaaa', '0000']);
		expect(run(second.entry, [...burst, ...later]).events).toEqual([]);
	});

	it('moves the cursor past whole seconds when it can', () => {
		let entry = run(undefined, []).entry;
		const messages = Array.from({ length: 30 }, (_, i) => message(`m${i}`, T + i));
		entry = run(entry, messages).entry;
		expect(entry.c).toEqual([T + 9 + 1]);
		expect(entry.m.map(([key]) => key)).toEqual(messages.slice(10).map((m) => m.messageId));
		// A late message older than the window is taken as old (stated limit); one inside the window is new.
		expect(run(entry, [message('late-old', T + 3)]).events).toEqual([]);
		expect(run(entry, [message('late-new', T + 15)]).events.map((e) => e.messageId)).toEqual(['late-new']);
	});

	it('never lets the cursor cover messages without a time; identifies messages without an id by content', () => {
		let entry = run(undefined, []).entry;
		entry = run(entry, Array.from({ length: 25 }, (_, i) => message(`t${i}`, T + i))).entry;
		const untimed = { ...message('', null), text: 'Your code is 4242' };
		const first = run(entry, [untimed]);
		expect(first.events).toHaveLength(1);
		expect(String(first.events[0].eventId)).toMatch(/^otpVerified:1:#[0-9a-f]{16}$/);
		expect(run(first.entry, [untimed]).events).toEqual([]);
	});

	it('stays small for 50 orders with long ids', () => {
		const o: Record<string, OrderEntry> = {};
		for (let order = 0; order < 50; order++) {
			const orderId = `${'8'.repeat(60)}${order}`.slice(-64);
			const messages = Array.from({ length: 40 }, (_, i) => message(`${'x'.repeat(50)}${i}`, T + i));
			o[orderId] = run(undefined, messages).entry;
		}
		expect(bytes({ v: 1, otpVerified: { o } })).toBeLessThanOrEqual(STATE_BUDGET_BYTES);
	});
});
