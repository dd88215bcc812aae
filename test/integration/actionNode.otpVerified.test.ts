// Every OTPVerified operation of the action node through n8n-core's real execution against the simulator:
// several input items, expressions, pairing, output shapes, and what the simulator saw and did.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { E164, ISO_UTC, cents, errorItem, otp, paired, pairs, rentDirect, useSuite } from './support';

const suite = useSuite();

const GOOGLE = '1fe58df2';
const TELEGRAM = '6b816098';
const AMAZON = 'a7d4c2e9';

describe('Catalog → Get Services and Prices', () => {
	test('lists every service with number prices and every extra field kept, per input item', async () => {
		const log = suite.mark();
		const result = await suite.run(otp('catalog', 'getServices'), { input: [{}, {}] });

		expect(result.status).toBe('success');
		expect(result.json).toHaveLength(8);
		expect(pairs(result.items)).toEqual(paired(0, 0, 0, 0, 1, 1, 1, 1));
		expect(result.json.map((s) => s.serviceName)).toEqual(['Google', 'Telegram', 'WhatsApp', 'Amazon', 'Google', 'Telegram', 'WhatsApp', 'Amazon']);
		expect(result.json[0]).toEqual({
			provider: 'otpVerified',
			serviceId: GOOGLE,
			serviceName: 'Google',
			price: 3.46,
			discountedPrice: 3.11,
			durationPrices: { oneDay: 3.46, threeDay: 5.19, sevenDay: 8.65, fourteenDay: 13.84, thirtyDay: 24.22, ninetyDay: 62.28 },
			areaCodeSurcharge: 2.5,
			supportedDurations: ['oneDay', 'threeDay', 'sevenDay', 'fourteenDay', 'thirtyDay', 'ninetyDay'],
			available: 37,
		});
		expect(result.json[3]).toMatchObject({ serviceId: AMAZON, price: 7.4, supportedDurations: ['sevenDay', 'fourteenDay', 'thirtyDay', 'ninetyDay'] });
		expect(log('otpVerified', 'rental-services')).toHaveLength(2);
	});
});

describe('Rental → Rent Number', () => {
	test('rents one number per item; an area code adds $2.50 and is sent as `areas`', async () => {
		const log = suite.mark();
		const result = await suite.run(
			otp('rental', 'rentNumber', { serviceId: '={{ $json.service }}', duration: 'oneDay', areaCode: '={{ $json.area }}' }),
			{ input: [{ service: GOOGLE, area: '' }, { service: GOOGLE, area: '503' }] },
		);

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(log('otpVerified', 'request-rental').map((r) => r.body)).toEqual([
			{ serviceId: GOOGLE, duration: 'oneDay' },
			{ serviceId: GOOGLE, duration: 'oneDay', areas: '503' },
		]);
		const rentals = suite.sim.otpVerified.rentals();
		expect(rentals).toHaveLength(2);
		expect(suite.sim.purchases('otpVerified')).toBe(2);
		expect(cents(suite.sim.otpVerified.balance())).toBe(cents(50 - 3.46 - 5.96));

		result.json.forEach((out, i) => {
			const r = rentals[i];
			expect(out).toMatchObject({
				provider: 'otpVerified',
				id: r.orderId,
				phoneNumber: `+${r.number}`,
				service: 'Google',
				country: null,
				status: 'reserved',
				code: null,
				cost: Number(r.price),
				expiresAt: expect.stringMatching(ISO_UTC),
				expiresAtOriginal: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
				purchasedAt: expect.stringMatching(ISO_UTC),
				durationDays: 1,
				raw: expect.objectContaining({ orderId: r.orderId, price: r.price }),
			});
			expect(out.phoneNumber).toMatch(E164);
			expect(Math.abs(Date.parse(out.expiresAt as string) - r.expiresAt)).toBeLessThan(1000);
			expect(Math.abs(Date.parse(out.purchasedAt as string) - r.purchasedAt)).toBeLessThan(1000);
			expect(`${(out.expiresAtOriginal as string).replace(' ', 'T')}.000Z`).toBe(out.expiresAt);
		});
		expect(result.json[0]).toMatchObject({ cost: 3.46, areaCode: null });
		expect(result.json[1]).toMatchObject({ cost: 5.96, areaCode: '503' });
		expect(result.json[1].phoneNumber).toMatch(/^\+1503\d{7}$/);
		expect(typeof result.json[1].cost).toBe('number');
	});

	test('a bad area code is refused before any request; a duration the number does not support is the provider’s 400', async () => {
		const badArea = await suite.run(otp('rental', 'rentNumber', { serviceId: GOOGLE, duration: 'oneDay', areaCode: '50' }));
		expect(badArea.status).toBe('error');
		expect(badArea.error).toBeInstanceOf(NodeOperationError);
		expect(badArea.error.message).toContain('"50" is not a US area code');
		expect(suite.sim.count('otpVerified', 'request-rental')).toBe(0);

		const unsupported = await suite.run(otp('rental', 'rentNumber', { serviceId: AMAZON, duration: 'oneDay' }));
		expect(unsupported.status).toBe('error');
		expect(unsupported.error).toBeInstanceOf(NodeApiError);
		expect(unsupported.error.message).toContain('Amazon numbers do not support oneDay rentals');
		expect(unsupported.error.message).toContain('HTTP 400');
		expect(suite.sim.count('otpVerified', 'request-rental')).toBe(1);
		expect(suite.sim.purchases('otpVerified')).toBe(0);
		expect(suite.sim.otpVerified.balance()).toBe(50);
	});
});

describe('Rental → Get Messages', () => {
	test('outputs every message of each rental (order ID from an expression), with the code digits and ISO times', async () => {
		const a = await rentDirect(suite.sim);
		const b = await rentDirect(suite.sim, TELEGRAM);
		const arrivedFrom = suite.sim.now();
		const m1 = suite.sim.otpVerified.addMessage(a, { pin: 'G-276964' });
		const arrivedBy = suite.sim.now();
		const m2 = suite.sim.otpVerified.addMessage(b, { message: 'Telegram code: 41234. Do not share it' });
		const log = suite.mark();

		const result = await suite.run(otp('rental', 'getMessages', { orderId: '={{ $json.order }}' }), {
			input: [{ order: a }, { order: b }, { order: a }],
		});

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1, 2));
		const rentalA = suite.sim.otpVerified.rental(a);
		expect(result.json[0]).toEqual({
			provider: 'otpVerified',
			id: a,
			messageId: m1.id,
			phoneNumber: `+${rentalA.number}`,
			service: 'Google',
			sender: m1.sender,
			text: m1.message,
			code: '276964',
			codeAsSent: 'G-276964',
			receivedAt: expect.stringMatching(ISO_UTC),
			receivedAtOriginal: m1.timestamp,
			raw: m1,
		});
		expect(m1.timestamp).toMatch(/ E[SD]T$/);
		// The Eastern wall time, to the second, read as the instant the message arrived.
		const receivedAt = Date.parse(result.json[0].receivedAt as string);
		expect(receivedAt).toBeGreaterThanOrEqual(Math.floor(arrivedFrom / 1000) * 1000);
		expect(receivedAt).toBeLessThanOrEqual(arrivedBy);
		expect(result.json[1]).toMatchObject({ id: b, messageId: m2.id, code: '41234', codeAsSent: '41234', service: 'Telegram' });
		expect(result.json[2]).toEqual(result.json[0]);
		expect(log('otpVerified', 'rental-messages').map((r) => r.query)).toEqual([{ orderId: a }, { orderId: b }, { orderId: a }]);
	});

	test('"Only Messages After" a time and a message ID leave out the earlier messages', async () => {
		const a = await rentDirect(suite.sim);
		const base = Math.floor(suite.sim.now() / 1000) * 1000;
		const old = suite.sim.otpVerified.addMessage(a, { pin: 'G-111111', at: base - 300_000 });
		const middle = suite.sim.otpVerified.addMessage(a, { pin: 'G-222222', at: base - 200_000 });
		const recent = suite.sim.otpVerified.addMessage(a, { pin: 'G-333333', at: base - 100_000 });

		const afterTime = await suite.run(
			otp('rental', 'getMessages', { orderId: a, options: { afterTime: '={{ $json.after }}' } }),
			{ input: [{ after: new Date(base - 250_000).toISOString() }, { after: new Date(base - 200_000).toISOString() }] },
		);
		expect(afterTime.status).toBe('success');
		expect(afterTime.json.map((m) => m.messageId)).toEqual([middle.id, recent.id, recent.id]);
		expect(pairs(afterTime.items)).toEqual(paired(0, 0, 1));
		expect(afterTime.json[0].receivedAt).toBe(new Date(base - 200_000).toISOString());

		const afterId = await suite.run(otp('rental', 'getMessages', { orderId: a, options: { afterMessageId: old.id } }));
		expect(afterId.json.map((m) => m.messageId)).toEqual([middle.id, recent.id]);
		expect(afterId.json.map((m) => m.code)).toEqual(['222222', '333333']);

		const none = await suite.run(otp('rental', 'getMessages', { orderId: a, options: { afterMessageId: recent.id } }));
		expect(none.status).toBe('success');
		expect(none.items).toEqual([]);
	});

	test('an unknown order is the provider’s 404, and an error item paired to its input under Continue On Fail', async () => {
		const a = await rentDirect(suite.sim);
		suite.sim.otpVerified.addMessage(a);

		const failing = await suite.run(otp('rental', 'getMessages', { orderId: '1' }));
		expect(failing.status).toBe('error');
		expect(failing.error).toBeInstanceOf(NodeApiError);
		expect(failing.error.message).toBe('OTPVerified refused the request: "Order not found" (HTTP 404)');
		expect(failing.error.description).toMatch(/order ID/);

		const result = await suite.run(otp('rental', 'getMessages', { orderId: '={{ $json.order }}' }), {
			input: [{ order: '1' }, { order: a }],
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json[0]).toEqual(errorItem(/Order not found.*404/, /order ID/));
		expect(result.json[1]).toMatchObject({ id: a });
	});
});

describe('Rental → Wait for Message', () => {
	test('ignores the messages already there, and ends on the first new one matching the sender / text filters', async () => {
		const a = await rentDirect(suite.sim);
		const b = await rentDirect(suite.sim);
		// Already there at the start: it matches the filter, and must still be ignored.
		suite.sim.otpVerified.addMessage(a, { sender: '22000', pin: 'G-000001' });
		suite.sim.otpVerified.addMessage(b, { sender: '22000', message: 'Your TELEGRAM code 10001' });
		// Arrive together at the second poll; the first of each pair does not match its item's filter.
		suite.sim.otpVerified.scriptMessage(a, { afterPolls: 1, sender: '99999', message: 'Promo 424242' });
		suite.sim.otpVerified.scriptMessage(a, { afterPolls: 1, sender: '22000', pin: 'G-276964' });
		suite.sim.otpVerified.scriptMessage(b, { afterPolls: 1, sender: '42777', message: 'Hello, your code is 77777' });
		suite.sim.otpVerified.scriptMessage(b, { afterPolls: 1, sender: '42777', message: 'Telegram code: 31337' });
		const log = suite.mark();

		const result = await suite.run(
			otp('rental', 'waitForMessage', {
				orderId: '={{ $json.order }}',
				pollInterval: 3,
				timeout: 12,
				options: { senderContains: '={{ $json.sender }}', textContains: '={{ $json.text }}' },
			}),
			{ input: [{ order: a, sender: '22000', text: '' }, { order: b, sender: '', text: 'telegram' }] },
		);

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json[0]).toMatchObject({ id: a, sender: '22000', codeAsSent: 'G-276964', code: '276964' });
		expect(result.json[1]).toMatchObject({ id: b, sender: '42777', text: 'Telegram code: 31337', code: '31337', codeAsSent: '31337' });
		expect(suite.sim.otpVerified.rental(a).polls).toBe(2);
		expect(suite.sim.otpVerified.rental(b).polls).toBe(2);
		expect(log('otpVerified', 'rental-messages')).toHaveLength(4);
	}, 20_000);

	test('Include Existing Messages ends the wait at the first poll with the message already there', async () => {
		const a = await rentDirect(suite.sim);
		const there = suite.sim.otpVerified.addMessage(a, { pin: 'G-123456' });

		const result = await suite.run(
			otp('rental', 'waitForMessage', { orderId: a, pollInterval: 3, timeout: 10, options: { includeExisting: true } }),
		);

		expect(result.status).toBe('success');
		expect(result.json).toEqual([expect.objectContaining({ messageId: there.id, code: '123456', codeAsSent: 'G-123456' })]);
		expect(suite.sim.otpVerified.rental(a).polls).toBe(1);
	});

	test('on timeout: a timed-out item or an error item (Continue On Fail), each paired; the rental is kept', async () => {
		const a = await rentDirect(suite.sim);
		const b = await rentDirect(suite.sim);
		suite.sim.otpVerified.addMessage(a);

		const result = await suite.run(
			otp('rental', 'waitForMessage', {
				orderId: '={{ $json.order }}',
				pollInterval: 3,
				timeout: 3,
				options: { onTimeout: '={{ $json.onTimeout }}' },
			}),
			{ input: [{ order: a, onTimeout: 'output' }, { order: b, onTimeout: 'fail' }], continueOnFail: true },
		);

		expect(result.status).toBe('success');
		// The wait did not end early: each rental was read when the wait began and again at its timeout.
		expect(suite.sim.otpVerified.rental(a).polls).toBeGreaterThanOrEqual(2);
		expect(suite.sim.otpVerified.rental(b).polls).toBeGreaterThanOrEqual(2);
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json[0]).toEqual({ provider: 'otpVerified', id: a, timedOut: true, code: null, codeAsSent: null });
		expect(result.json[1]).toEqual(errorItem(new RegExp(`No matching message arrived for order ${b} within 3 seconds`), /rental is kept/));
		expect(suite.sim.otpVerified.rental(a).status).toBe('reserved');
		expect(suite.sim.otpVerified.rental(b).status).toBe('reserved');
		expect(suite.sim.count('otpVerified', 'release-rental')).toBe(0);
	}, 15_000);
});

describe('Rental → Release', () => {
	test('releases each rental (order ID from an expression); a second release is the provider’s refusal', async () => {
		const a = await rentDirect(suite.sim);
		const b = await rentDirect(suite.sim, TELEGRAM);
		const log = suite.mark();

		const result = await suite.run(otp('rental', 'release', { orderId: '={{ $json.order }}' }), {
			input: [{ order: a }, { order: b }],
		});

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json).toEqual([
			{ provider: 'otpVerified', id: a, released: true, status: 'released', message: 'Number successfully released' },
			{ provider: 'otpVerified', id: b, released: true, status: 'released', message: 'Number successfully released' },
		]);
		expect(suite.sim.otpVerified.rental(a).status).toBe('released');
		expect(suite.sim.otpVerified.rental(b).status).toBe('released');
		expect(log('otpVerified', 'release-rental').map((r) => [r.method, r.body])).toEqual([
			['POST', { orderId: a }],
			['POST', { orderId: b }],
		]);

		const again = await suite.run(otp('rental', 'release', { orderId: a }));
		expect(again.status).toBe('error');
		expect(again.error).toBeInstanceOf(NodeApiError);
		expect(again.error.message).toBe('OTPVerified refused the request: "Rental already released" (HTTP 400)');
	});
});
