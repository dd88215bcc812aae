// Many items wait at once and one fails, with Continue On Fail off (README, "Reliability"). The node is going to
// fail, so nothing is gained by letting the others wait on, and what they already have must not be lost with the
// run: the first failure ends every other wait at once, as its timeout would (Wait for Code cancels the activation
// where Cancel on Timeout says so; a rental is kept), and the node's one error names every item's activation or
// order with the code it already had. Checked with 2 and 20 items, against the simulator's ledger.
import { NodeOperationError } from 'n8n-workflow';

import {
	DEMO_RENTVERIFY_TOKEN,
	buyDirect,
	byId,
	cents,
	errorItem,
	otp,
	rentDirect,
	rv,
	sleepMs,
	useSuite,
	type NodeCall,
} from './support';

const suite = useSuite();

const waitForCode = (rest: Record<string, unknown> = {}): NodeCall =>
	rv('activation', 'waitForCode', {
		activationId: byId('={{ $json.id }}'),
		pollInterval: 3,
		timeout: '={{ $json.timeout ?? 20 }}',
		options: { cancelOnTimeout: '={{ $json.cancel ?? true }}' },
		...rest,
	});

/** Cancels an activation straight at the simulator, as the user would on the provider's page. */
async function cancelElsewhere(id: string): Promise<void> {
	const response = await fetch(`${suite.sim.rentVerifyUrl}/setStatus?id=${id}&status=8`, { headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN } });
	expect(await response.text()).toBe('ACCESS_CANCEL');
}

/** The lines of the error's description that list the items, keyed by item index. */
function itemLines(description: string): Map<number, string> {
	const lines = new Map<number, string>();
	for (const line of description.split('\n')) {
		const match = /^- item (\d+), /.exec(line);
		if (match) lines.set(Number(match[1]), line);
	}
	return lines;
}

const polls = (id: string) => suite.sim.requests.filter((r) => r.route === 'getStatus' && r.query.id === id).length;
const cancels = () => suite.sim.requests.filter((r) => r.route === 'setStatus').map((r) => r.query.id);

describe('Wait for Code, Continue On Fail off', () => {
	test('2 items: one already has its code, the other fails: the error names both, the code included; nothing cancelled', async () => {
		const withCode = await buyDirect(suite.sim);
		const failing = await buyDirect(suite.sim);
		suite.sim.rentVerify.deliverCode(withCode, 'FB-424242');
		await cancelElsewhere(failing);

		const result = await suite.run(waitForCode(), { input: [{ id: withCode }, { id: failing }] });

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error.message).toBe(
			`Wait for Code stopped every wait because item 1, activation ${failing} failed: Activation ${failing} was cancelled or expired before an SMS arrived; one code was already received, listed in the details`,
		);
		const lines = itemLines(result.error.description);
		expect([...lines.keys()]).toEqual([0, 1]);
		expect(lines.get(0)).toBe(`- item 0, activation ${withCode}: code 424242 (sent as FB-424242)`);
		expect(lines.get(1)).toBe(`- item 1, activation ${failing}: failed: Activation ${failing} was cancelled or expired before an SMS arrived`);
		expect(result.error.description).toMatch(/^It was cancelled elsewhere/);
		expect(result.error.description).toMatch(/The codes above are in no output: use them now/);
		expect(result.error.context.itemIndex).toBe(1);
		expect(result.error.context.waits).toEqual([
			{ itemIndex: 0, subject: `activation ${withCode}`, result: 'code 424242 (sent as FB-424242)' },
			{ itemIndex: 1, subject: `activation ${failing}`, result: expect.stringMatching(/^failed: /) },
		]);
		// The ledger: two bought, the one cancelled elsewhere refunded minus the fee; the code's number kept.
		expect(suite.sim.rentVerify.activation(withCode).status).toBe('received');
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 1 + 0.4));
		expect(cancels()).toEqual([failing]);
	});

	test('2 items: one times out (cancelled), the other is stopped at once, not left waiting for its own 60 seconds', async () => {
		const slow = await buyDirect(suite.sim);
		const short = await buyDirect(suite.sim);

		const result = await suite.run(waitForCode(), { input: [{ id: slow, timeout: 60 }, { id: short, timeout: 3 }] });

		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(
			new RegExp(`^Wait for Code stopped every wait because item 1, activation ${short} failed: No SMS arrived for activation ${short} within 3 seconds, so it was cancelled`),
		);
		const lines = itemLines(result.error.description);
		expect(lines.get(0)).toBe(`- item 0, activation ${slow}: stopped: no code; cancelled, its cost refunded minus the provider's fee`);
		// Stopped in the round the other item failed: polled at the start and once more at that round, then cancelled.
		expect(polls(slow)).toBe(2);
		expect(cancels().sort()).toEqual([slow, short].sort());
		expect(suite.sim.rentVerify.activation(slow).status).toBe('cancelled');
		expect(suite.sim.rentVerify.activation(short).status).toBe('cancelled');
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 1 + 0.8));
	}, 20_000);

	test('2 items with Cancel on Timeout off: the stopped one is kept, looked at once more, and named as kept', async () => {
		const kept = await buyDirect(suite.sim);

		const result = await suite.run(waitForCode(), { input: [{ id: kept, cancel: false }, { id: '999' }] });

		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/because item 1, activation 999 failed: RentVerify rejected the request parameters \(BAD_ACTION\)$/);
		expect(itemLines(result.error.description).get(0)).toBe(
			`- item 0, activation ${kept}: stopped: no code yet; kept (Cancel on Timeout is off): wait for it again, or cancel it for a refund`,
		);
		expect(polls(kept)).toBe(2);
		expect(cancels()).toEqual([]);
		expect(suite.sim.rentVerify.activation(kept).status).toBe('waiting');
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.5));
	});

	test('a code that arrives as the wait stops is named, not lost: the cancel is refused and the code read', async () => {
		const late = await buyDirect(suite.sim);
		// The cancel reaches the simulator, which acts only after 1 s: the code lands in between.
		suite.sim.fault('rentVerify', 'setStatus', { kind: 'latency', ms: 1000 });
		const run = suite.run(waitForCode(), { input: [{ id: late }, { id: '999' }] });
		while (cancels().length === 0) await sleepMs(10);
		suite.sim.rentVerify.deliverCode(late, '777111');

		const result = await run;

		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/; one code was already received, listed in the details$/);
		expect(itemLines(result.error.description).get(0)).toBe(`- item 0, activation ${late}: code 777111, which arrived as the wait stopped`);
		expect(suite.sim.rentVerify.activation(late).status).toBe('received');
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.5));
	});

	test('a parameter problem ends every wait before any poll: the others are cancelled (or kept) and named', async () => {
		const a = await buyDirect(suite.sim);
		const b = await buyDirect(suite.sim);

		const result = await suite.run(waitForCode(), { input: [{ id: a }, { id: b, cancel: false }, { id: '' }] });

		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/^Wait for Code stopped every wait because item 2 failed: No activation ID was given$/);
		const lines = itemLines(result.error.description);
		expect(lines.get(0)).toMatch(/: stopped: no code; cancelled/);
		expect(lines.get(1)).toMatch(/: stopped: no code yet; kept/);
		expect(result.error.description).toMatch(/^- item 2: failed: No activation ID was given$/m);
		// No round of polling: only the kept one's last look.
		expect(polls(a)).toBe(0);
		expect(polls(b)).toBe(1);
		expect(cancels()).toEqual([a]);
	});

	test('20 items: item 7 fails; the 4 codes already received, 8 cancelled and 7 kept numbers are all named, and the ledger agrees', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 20; i++) ids.push(await buyDirect(suite.sim));
		const withCode = [0, 5, 10, 15];
		for (const i of withCode) suite.sim.rentVerify.deliverCode(ids[i], `5000${String(i).padStart(2, '0')}`);
		await cancelElsewhere(ids[7]);
		const waiting = ids.map((_, i) => i).filter((i) => i !== 7 && !withCode.includes(i));
		const input = ids.map((id, i) => ({ id, cancel: i % 2 === 0 }));

		const result = await suite.run(waitForCode(), { input });

		expect(result.status).toBe('error');
		expect(result.error.message).toBe(
			`Wait for Code stopped every wait because item 7, activation ${ids[7]} failed: Activation ${ids[7]} was cancelled or expired before an SMS arrived; 4 codes were already received, listed in the details`,
		);
		const lines = itemLines(result.error.description);
		expect([...lines.keys()]).toEqual(ids.map((_, i) => i));
		for (const i of withCode) expect(lines.get(i)).toBe(`- item ${i}, activation ${ids[i]}: code 5000${String(i).padStart(2, '0')}`);
		const cancelled = waiting.filter((i) => i % 2 === 0);
		const kept = waiting.filter((i) => i % 2 === 1);
		expect([cancelled.length, kept.length]).toEqual([8, 7]);
		for (const i of cancelled) {
			expect(lines.get(i)).toBe(`- item ${i}, activation ${ids[i]}: stopped: no code; cancelled, its cost refunded minus the provider's fee`);
			expect(suite.sim.rentVerify.activation(ids[i]).status).toBe('cancelled');
			expect(polls(ids[i])).toBe(1);
		}
		for (const i of kept) {
			expect(lines.get(i)).toMatch(new RegExp(`^- item ${i}, activation ${ids[i]}: stopped: no code yet; kept`));
			expect(suite.sim.rentVerify.activation(ids[i]).status).toBe('waiting');
			expect(polls(ids[i])).toBe(2);
		}
		// The money: 20 bought at 0.50; refunds (0.40 each) for the one cancelled elsewhere and the 8 the node cancelled.
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 20 * 0.5 + 9 * 0.4));
		expect(cancels().sort()).toEqual([ids[7], ...cancelled.map((i) => ids[i])].sort());
		expect(suite.sim.purchases('rentVerify')).toBe(20);
	});

	test('under Continue On Fail nothing is stopped: the failing item is an error item, the others wait for their code', async () => {
		const later = await buyDirect(suite.sim);
		suite.sim.rentVerify.scriptCode(later, { afterPolls: 1, code: '313131' });

		const result = await suite.run(waitForCode(), { input: [{ id: later }, { id: '999' }], continueOnFail: true });

		expect(result.status).toBe('success');
		expect(result.json[0]).toMatchObject({ id: later, code: '313131' });
		expect(result.json[1]).toEqual(errorItem(/BAD_ACTION/));
		expect(cancels()).toEqual([]);
	}, 15_000);
});

describe('Wait for a Message (OTPVerified), Continue On Fail off', () => {
	const waitForMessage = otp('rental', 'waitForMessage', {
		orderId: '={{ $json.id }}',
		pollInterval: 3,
		timeout: 20,
		options: { includeExisting: true },
	});

	test('2 items: one order has its message, the other fails: the error names both orders and the code; rentals kept', async () => {
		const order = await rentDirect(suite.sim, '6b816098', 'oneDay');
		const message = suite.sim.otpVerified.addMessage(order, { sender: '42777', message: 'Telegram code: 55123', pin: '55123' });

		const result = await suite.run(waitForMessage, { input: [{ id: order }, { id: '12345' }] });

		expect(result.status).toBe('error');
		expect(result.error.message).toBe(
			'Wait for a Message stopped every wait because item 1, order 12345 failed: OTPVerified refused the request: "Order not found" (HTTP 404); one code was already received, listed in the details',
		);
		expect(itemLines(result.error.description).get(0)).toBe(`- item 0, order ${order}: message ${message.id} from 42777: code 55123`);
		expect(suite.sim.otpVerified.rental(order).status).toBe('reserved');
		expect(cents(suite.sim.otpVerified.balance())).toBe(cents(50 - 1.25));
	});

	test('20 items: item 13 fails; the 5 messages already there are named, the 14 waiting orders are stopped and kept', async () => {
		suite.sim.otpVerified.setBalance(100);
		const orders: string[] = [];
		for (let i = 0; i < 20; i++) orders.push(await rentDirect(suite.sim, '6b816098', 'oneDay'));
		const withMessage = [1, 4, 9, 16, 19];
		const pins = new Map(withMessage.map((i) => [i, suite.sim.otpVerified.addMessage(orders[i]).pin]));
		const input = orders.map((id, i) => ({ id: i === 13 ? '99999999' : id }));

		const result = await suite.run(waitForMessage, { input });

		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/^Wait for a Message stopped every wait because item 13, order 99999999 failed: .*"Order not found".*; 5 codes were already received/);
		const lines = itemLines(result.error.description);
		expect([...lines.keys()]).toEqual(orders.map((_, i) => i));
		for (const i of withMessage) expect(lines.get(i)).toMatch(new RegExp(`^- item ${i}, order ${orders[i]}: message \\w+ from 42777: code ${pins.get(i)}$`));
		for (let i = 0; i < 20; i++) {
			if (i === 13 || withMessage.includes(i)) continue;
			expect(lines.get(i)).toBe(`- item ${i}, order ${orders[i]}: stopped: no matching message yet; the rental is kept: wait again, or read it with Get Messages`);
		}
		expect(suite.sim.otpVerified.rentals().every((rental) => rental.status === 'reserved')).toBe(true);
		expect(suite.sim.count('otpVerified', 'release-rental')).toBe(0);
		expect(cents(suite.sim.otpVerified.balance())).toBe(cents(100 - 20 * 1.25));
	});
});
