// Money safety through n8n-core's real execution: a call that spends money (RentVerify getNumber,
// OTPVerified request-rental) goes out at most once per intended purchase, whatever the connection does;
// Max Price is checked before spending; Retry When No Numbers retries only after NO_NUMBERS.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { cents, errorItem, otp, paired, pairs, rv, sleepMs, useSuite } from './support';

const suite = useSuite();

const buy = (rest: Record<string, unknown> = {}) => rv('activation', 'buyNumber', { country: 'usa', service: 'tg', ...rest });
const retry = { retryWhenNoNumbers: { retry: { attempts: 3, delay: 1 } } };

describe('a purchase is never sent twice', () => {
	test('connection reset after getNumber reached the server: one purchase, a clear "may have gone through" error', async () => {
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'resetAfter' });

		const result = await suite.run(buy());

		// The money first: one request, one purchase, the balance reduced once.
		expect(suite.sim.count('rentVerify', 'getNumber')).toBe(1);
		expect(suite.sim.purchases('rentVerify')).toBe(1);
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.5));
		expect(suite.sim.requests.filter((r) => r.route === 'getNumber').map((r) => r.outcome)).toEqual(['reset-after']);
		// Then what the user is told: it may have gone through, and it was not retried.
		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.description).toMatch(/not sent again/);
		expect(result.error.description).toMatch(/Check your active numbers/);
		expect(result.error.message).toMatch(/purchase request was sent.*may have gone through/);
	});

	test('connection reset after request-rental reached the server: one rental, the same clear error', async () => {
		suite.sim.fault('otpVerified', 'request-rental', { kind: 'resetAfter' });

		const result = await suite.run(otp('rental', 'rentNumber', { serviceId: '1fe58df2', duration: 'oneDay' }));

		expect(suite.sim.count('otpVerified', 'request-rental')).toBe(1);
		expect(suite.sim.purchases('otpVerified')).toBe(1);
		expect(cents(suite.sim.otpVerified.balance())).toBe(cents(50 - 3.46));
		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.description).toMatch(/not sent again/);
		expect(result.error.message).toMatch(/OTPVerified.*rental request was sent.*may have gone through/);
	});

	test.each([
		['resetBefore', { kind: 'resetBefore' as const }, /may have gone through/],
		['HTTP 503', { kind: 'status' as const, status: 503 }, /unexpected answer \(HTTP 503\): "Service Unavailable"/],
		['HTTP 500', { kind: 'status' as const, status: 500 }, /HTTP 500/],
		['an HTML error page', { kind: 'html' as const }, /HTML page \(HTTP 502/],
		['an empty body', { kind: 'empty' as const }, /empty body/],
		['HTTP 429', { kind: 'rateLimit' as const }, /HTTP 429/],
		['ERROR_SQL', { kind: 'errorSql' as const }, /ERROR_SQL/],
	])('getNumber is not re-sent after %s', async (_name, fault, message) => {
		suite.sim.fault('rentVerify', 'getNumber', fault);

		const result = await suite.run(buy());

		expect(suite.sim.count('rentVerify', 'getNumber')).toBe(1);
		expect(suite.sim.state().faults).toEqual([]);
		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.description).not.toMatch(/failed \d+ times/);
		expect(result.error.message).toMatch(message);
	});

	test('request-rental is not re-sent after a 5xx or a reset before it arrived', async () => {
		suite.sim.fault('otpVerified', 'request-rental', { kind: 'status', status: 503 });
		const first = await suite.run(otp('rental', 'rentNumber', { serviceId: '1fe58df2', duration: 'oneDay' }));
		expect(first.status).toBe('error');
		expect(first.error.message).toMatch(/HTTP 503/);
		expect(suite.sim.count('otpVerified', 'request-rental')).toBe(1);

		suite.sim.fault('otpVerified', 'request-rental', { kind: 'resetBefore' });
		const second = await suite.run(otp('rental', 'rentNumber', { serviceId: '1fe58df2', duration: 'oneDay' }));
		expect(suite.sim.count('otpVerified', 'request-rental')).toBe(2);
		expect(suite.sim.purchases('otpVerified')).toBe(0);
		expect(suite.sim.otpVerified.balance()).toBe(50);
		expect(second.status).toBe('error');
		expect(second.error.message).toMatch(/may have gone through/);
	});

	test('under Continue On Fail a lost purchase is an error item and the next item is bought once', async () => {
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'resetAfter' });

		const result = await suite.run(
			rv('activation', 'buyNumber', { country: '={{ $json.country }}', service: 'tg' }),
			{ input: [{ country: 'usa' }, { country: 'india' }], continueOnFail: true },
		);

		expect(suite.sim.count('rentVerify', 'getNumber')).toBe(2);
		expect(suite.sim.purchases('rentVerify')).toBe(2);
		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json[1]).toMatchObject({ country: 'india', status: 'waiting' });
		expect(result.json[0]).toEqual(errorItem(/may have gone through/, /not sent again/));
	});
});

describe('Max Price', () => {
	test('below the current price: nothing is spent and no getNumber is sent', async () => {
		const log = suite.mark();

		const result = await suite.run(buy({ options: { maxPrice: 0.3 } }));

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error.message).toBe('The current price 0.5 USD is above your Max Price of 0.3 USD. Nothing was bought.');
		expect(log('rentVerify', 'getPrices')).toHaveLength(1);
		expect(log('rentVerify', 'getNumber')).toHaveLength(0);
		expect(suite.sim.purchases('rentVerify')).toBe(0);
		expect(suite.sim.rentVerify.balance()).toBe(25.5);
	});

	test('above the current price: bought with the checked price_id, at that price', async () => {
		suite.sim.rentVerify.setPrice('usa', 'wa', { price: 0.95 });
		const priceId = suite.sim.state().rentVerify.prices.usa.wa.price_id;
		const log = suite.mark();

		const result = await suite.run(buy({ service: 'wa', options: { maxPrice: 1 } }));

		expect(result.status).toBe('success');
		expect(result.json[0]).toMatchObject({ service: 'wa', country: 'usa', cost: 0.95, status: 'waiting' });
		expect(log().map((r) => r.route)).toEqual(['getPrices', 'getNumber', 'getActiveActivations']);
		expect(log('rentVerify', 'getNumber')[0].query).toEqual({ service: 'wa', country: 'usa', price_id: priceId });
		expect(suite.sim.purchases('rentVerify')).toBe(1);
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.95));
	});

	test('per item, from an expression: the cheap item is bought, the other refused, each paired', async () => {
		const result = await suite.run(
			rv('activation', 'buyNumber', { country: 'usa', service: '={{ $json.service }}', options: { maxPrice: '={{ $json.max }}' } }),
			{ input: [{ service: 'wa', max: 1 }, { service: 'facebook', max: 1 }], continueOnFail: true },
		);

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json[0]).toEqual(errorItem(/1\.2 USD is above your Max Price of 1 USD/, /Raise Max Price/));
		expect(result.json[1]).toMatchObject({ service: 'facebook', cost: 0.4 });
		expect(suite.sim.requests.filter((r) => r.route === 'getNumber').map((r) => r.query.service)).toEqual(['facebook']);
	});
});

describe('Retry When No Numbers', () => {
	test('retries after NO_NUMBERS until the pair is available again, then buys once', async () => {
		// england.facebook is listed with 0 available: NO_NUMBERS (404).
		const run = suite.run(rv('activation', 'buyNumber', { country: 'england', service: 'facebook', options: retry }));
		await sleepMs(1300);
		suite.sim.rentVerify.setPrice('england', 'facebook', { available: 2 });

		const result = await run;

		expect(result.status).toBe('success');
		expect(result.json[0]).toMatchObject({ country: 'england', service: 'facebook', cost: 0.6 });
		const attempts = suite.sim.requests.filter((r) => r.route === 'getNumber');
		expect(attempts.map((r) => r.status)).toEqual([404, 404, 200]);
		expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(900);
		expect(suite.sim.purchases('rentVerify')).toBe(1);
		expect(cents(suite.sim.rentVerify.balance())).toBe(cents(25.5 - 0.6));
	}, 10_000);

	test('NO_NUMBERS words (any status) are retried; the third attempt buys', async () => {
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'word', body: 'NO_NUMBERS', status: 503 });
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'word', body: 'NO_NUMBERS' });

		const result = await suite.run(buy({ options: retry }));

		expect(result.status).toBe('success');
		expect(suite.sim.count('rentVerify', 'getNumber')).toBe(3);
		expect(suite.sim.purchases('rentVerify')).toBe(1);
	}, 10_000);

	test('gives up after the attempts with the NO_NUMBERS error; nothing bought', async () => {
		const result = await suite.run(rv('activation', 'buyNumber', { country: 'england', service: 'facebook', options: retry }));

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.message).toMatch(/NO_NUMBERS/);
		expect(suite.sim.count('rentVerify', 'getNumber')).toBe(3);
		expect(suite.sim.purchases('rentVerify')).toBe(0);
		expect(suite.sim.rentVerify.balance()).toBe(25.5);
	}, 10_000);

	test.each([
		['NO_BALANCE', () => suite.sim.rentVerify.setBalance(0.1), /NO_BALANCE/, 0],
		['HTTP 503', () => suite.sim.fault('rentVerify', 'getNumber', { kind: 'status', status: 503 }), /HTTP 503/, 0],
		['a reset after sending', () => suite.sim.fault('rentVerify', 'getNumber', { kind: 'resetAfter' }), /may have gone through/, 1],
		['BAD_ACTION', () => suite.sim.fault('rentVerify', 'getNumber', { kind: 'word', body: 'BAD_ACTION', status: 400 }), /BAD_ACTION/, 0],
		['NO_NUMBER (not NO_NUMBERS)', () => suite.sim.fault('rentVerify', 'getNumber', { kind: 'word', body: 'NO_NUMBER', status: 404 }), /"NO_NUMBER"/, 0],
	])('never retries after %s', async (_name, arrange, message, purchases) => {
		arrange();

		const result = await suite.run(buy({ options: retry }));

		expect(suite.sim.count('rentVerify', 'getNumber')).toBe(1);
		expect(suite.sim.purchases('rentVerify')).toBe(purchases);
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(message);
	});
});
