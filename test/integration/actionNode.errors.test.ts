// Every provider error word and answer fault, through n8n-core's real execution: a clear error without
// Continue On Fail (NodeApiError when the provider answered), and error items paired to their input with it.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FaultSpec, Provider } from '../simulator';
import { NO_ROLE_RENTVERIFY_TOKEN } from '../simulator';
import { buyDirect, byId, errorItem, otp, paired, pairs, rentDirect, rv, useSuite, type NodeCall } from './support';

const suite = useSuite();

const WRONG_RENTVERIFY_TOKEN = 'ab'.repeat(32);
const WRONG_OTPVERIFIED_KEY = 'otpv_wrong_0000000000000000';

interface WordCase {
	name: string;
	provider: Provider;
	route: string;
	parameters: NodeCall;
	arrange?: () => void;
	credentials?: () => Record<string, ICredentialDataDecryptedObject>;
	httpStatus: number;
	message: RegExp;
	description: RegExp;
}

const cases: WordCase[] = [
	{
		name: 'BAD_KEY (wrong token)',
		provider: 'rentVerify',
		route: 'getBalance',
		parameters: rv('account', 'getBalance'),
		credentials: () => suite.credentials({ rentVerifyApi: { token: WRONG_RENTVERIFY_TOKEN } }),
		httpStatus: 401,
		message: /^RentVerify rejected the API token \(BAD_KEY\)$/,
		description: /Check the token in the RentVerify credential/,
	},
	{
		name: 'NO_ACTIVATION (account role may not use the API)',
		provider: 'rentVerify',
		route: 'getBalance',
		parameters: rv('account', 'getBalance'),
		credentials: () => suite.credentials({ rentVerifyApi: { token: NO_ROLE_RENTVERIFY_TOKEN } }),
		httpStatus: 403,
		message: /may not use the API.*\(NO_ACTIVATION\)$/,
		description: /role/,
	},
	{
		name: 'BAD_ACTION (unknown country)',
		provider: 'rentVerify',
		route: 'getServices',
		parameters: rv('catalog', 'getServices', { country: 'narnia' }),
		httpStatus: 400,
		message: /rejected the request parameters \(BAD_ACTION\)$/,
		description: /parameter is missing or invalid/,
	},
	{
		name: 'NO_NUMBERS (sold out)',
		provider: 'rentVerify',
		route: 'getNumber',
		parameters: rv('activation', 'buyNumber', { country: 'england', service: 'facebook' }),
		httpStatus: 404,
		message: /no numbers for this service and country right now \(NO_NUMBERS\)$/,
		description: /Nothing was bought/,
	},
	{
		name: 'NO_BALANCE',
		provider: 'rentVerify',
		route: 'getNumber',
		parameters: rv('activation', 'buyNumber', { country: 'usa', service: 'wa' }),
		arrange: () => suite.sim.rentVerify.setBalance(1),
		httpStatus: 402,
		message: /balance is too low.*\(NO_BALANCE\)$/,
		description: /Top up/,
	},
	{
		name: 'OTPVerified 401 (wrong API key)',
		provider: 'otpVerified',
		route: 'rental-services',
		parameters: otp('catalog', 'getServices'),
		credentials: () => suite.credentials({ otpVerifiedApi: { apiKey: WRONG_OTPVERIFIED_KEY } }),
		httpStatus: 401,
		message: /^OTPVerified refused the request: "Unauthorized" \(HTTP 401\)$/,
		description: /API key/,
	},
	{
		name: 'OTPVerified 400 (unknown service)',
		provider: 'otpVerified',
		route: 'request-rental',
		parameters: otp('rental', 'rentNumber', { serviceId: 'deadbeef', duration: 'thirtyDay' }),
		httpStatus: 400,
		message: /^OTPVerified refused the request: "Service not found: deadbeef" \(HTTP 400\)$/,
		description: /Check the parameters/,
	},
	{
		name: 'OTPVerified 402 (balance too low)',
		provider: 'otpVerified',
		route: 'request-rental',
		parameters: otp('rental', 'rentNumber', { serviceId: '1fe58df2', duration: 'oneDay' }),
		arrange: () => suite.sim.otpVerified.setBalance(1),
		httpStatus: 402,
		message: /^OTPVerified refused the request: "Insufficient balance" \(HTTP 402\)$/,
		description: /Top up.*Nothing was rented/,
	},
	{
		name: 'OTPVerified 404 (unknown order)',
		provider: 'otpVerified',
		route: 'rental-messages',
		parameters: otp('rental', 'getMessages', { orderId: '12345' }),
		httpStatus: 404,
		message: /^OTPVerified refused the request: "Order not found" \(HTTP 404\)$/,
		description: /order ID/,
	},
];

describe.each(cases)('$name', (c) => {
	const extra = () => (c.credentials ? { credentials: c.credentials() } : {});

	test('without Continue On Fail: the run fails with a clear NodeApiError, sent once', async () => {
		c.arrange?.();
		const result = await suite.run(c.parameters, extra());

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.message).toMatch(c.message);
		expect(result.error.description).toMatch(c.description);
		expect(result.items).toEqual([]);
		const sent = suite.sim.requests.filter((r) => r.route === c.route);
		expect(sent.map((r) => r.status)).toEqual([c.httpStatus]);
	});

	test('with Continue On Fail: one error item per input item, paired to it', async () => {
		c.arrange?.();
		const result = await suite.run(c.parameters, { ...extra(), input: [{ n: 1 }, { n: 2 }], continueOnFail: true });

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1));
		for (const json of result.json) expect(json).toEqual(errorItem(c.message, c.description));
		expect(suite.sim.requests.filter((r) => r.route === c.route)).toHaveLength(2);
	});
});

describe('mixed items', () => {
	test('Continue On Fail: failing items become error items in place, the others carry on', async () => {
		suite.sim.rentVerify.setBalance(1);
		const result = await suite.run(
			rv('activation', 'buyNumber', { country: '={{ $json.country }}', service: '={{ $json.service }}' }),
			{
				input: [
					{ country: 'usa', service: 'tg' }, // 0.50: bought
					{ country: 'england', service: 'facebook' }, // NO_NUMBERS
					{ country: 'usa', service: 'wa' }, // 1.20 > 0.50 left: NO_BALANCE
					{ country: 'narnia', service: 'tg' }, // BAD_ACTION
					{ country: 'india', service: 'tg' }, // 0.20: bought
				],
				continueOnFail: true,
			},
		);

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0, 1, 2, 3, 4));
		expect(result.json[0]).toMatchObject({ country: 'usa', service: 'tg', status: 'waiting' });
		expect(result.json[1]).toEqual(errorItem(/NO_NUMBERS/, /Nothing was bought/));
		expect(result.json[2]).toEqual(errorItem(/NO_BALANCE/, /Top up/));
		expect(result.json[3]).toEqual(errorItem(/BAD_ACTION/));
		expect(result.json[4]).toMatchObject({ country: 'india', service: 'tg', status: 'waiting' });
		expect(suite.sim.purchases('rentVerify')).toBe(2);
		expect(suite.sim.count('rentVerify', 'getNumber')).toBe(5);
	});

	test('without Continue On Fail the first failing item ends the run: later items are not sent', async () => {
		const result = await suite.run(rv('catalog', 'getServices', { country: '={{ $json.country }}' }), {
			input: [{ country: 'usa' }, { country: 'narnia' }, { country: 'india' }],
		});

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.message).toMatch(/BAD_ACTION/);
		expect(result.error.context?.itemIndex).toBe(1);
		expect(suite.sim.requests.map((r) => r.query.country)).toEqual(['usa', 'narnia']);
	});

	test('parameter problems are NodeOperationErrors before any request, and error items under Continue On Fail', async () => {
		const result = await suite.run(rv('activation', 'getStatus', { activationId: byId('={{ $json.id }}') }), {
			input: [{ id: '' }, { id: '12' }],
			continueOnFail: true,
		});
		expect(pairs(result.items)).toEqual(paired(0, 1));
		expect(result.json[0]).toEqual(errorItem(/^No activation ID was given$/, /\$\('Buy a number'\)/));
		expect(result.json[1]).toEqual(errorItem(/BAD_ACTION/));
		expect(suite.sim.requests.map((r) => r.query.id)).toEqual(['12']);
	});
});

describe('answers that are not API answers', () => {
	const buyNumber = rv('activation', 'buyNumber', { country: 'usa', service: 'tg' });

	test('an unknown word is an error that quotes it, never a success, and is not retried', async () => {
		suite.sim.fault('rentVerify', 'getBalance', { kind: 'word', body: 'STRANGE_WORD:42' });
		const result = await suite.run(rv('account', 'getBalance'));

		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.message).toBe('RentVerify gave an unexpected answer (HTTP 200): "STRANGE_WORD:42"');
		expect(result.error.description).toMatch(/Nothing was assumed/);
		expect(suite.sim.count('rentVerify', 'getBalance')).toBe(1);

		suite.sim.fault('rentVerify', 'getNumber', { kind: 'word', body: 'ACCESS_NUMBER:123' });
		const buy = await suite.run(buyNumber, { input: [{}], continueOnFail: true });
		expect(buy.json).toEqual([errorItem(/unexpected answer \(HTTP 200\): "ACCESS_NUMBER:123"/)]);
		expect(pairs(buy.items)).toEqual(paired(0));
	});

	test('OTPVerified: an envelope it does not know is quoted too', async () => {
		suite.sim.fault('otpVerified', 'rental-services', { kind: 'word', body: '{"hello":"world"}' });
		const result = await suite.run(otp('catalog', 'getServices'));
		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.message).toBe('OTPVerified gave an unexpected answer (HTTP 200): "{"hello":"world"}"');
	});

	test('reads retried to exhaustion give a clear error that says they failed several times', async () => {
		const activation = await buyDirect(suite.sim);
		const order = await rentDirect(suite.sim);
		const faults: Array<{ name: string; provider: Provider; route: string; fault: FaultSpec; parameters: NodeCall; message: RegExp }> = [
			{ name: 'html', provider: 'rentVerify', route: 'getBalance', fault: { kind: 'html' }, parameters: rv('account', 'getBalance'), message: /^RentVerify answered with an HTML page \(HTTP 502, "502 Bad Gateway"\) instead of an API answer$/ },
			{ name: 'empty', provider: 'rentVerify', route: 'getCountries', fault: { kind: 'empty' }, parameters: rv('catalog', 'getCountries'), message: /^RentVerify answered with an empty body \(HTTP 200\)$/ },
			{ name: '5xx', provider: 'rentVerify', route: 'getPrices', fault: { kind: 'status', status: 503 }, parameters: rv('catalog', 'getPrices'), message: /^RentVerify gave an unexpected answer \(HTTP 503\): "Service Unavailable"$/ },
			{ name: '429', provider: 'rentVerify', route: 'getActiveActivations', fault: { kind: 'rateLimit' }, parameters: rv('activation', 'getAll', { returnAll: true }), message: /^RentVerify is limiting the request rate \(HTTP 429\)$/ },
			{ name: 'ERROR_SQL', provider: 'rentVerify', route: 'getStatus', fault: { kind: 'errorSql' }, parameters: rv('activation', 'getStatus', { activationId: byId(activation) }), message: /^RentVerify had an internal database error \(ERROR_SQL\)$/ },
			{ name: 'OTPVerified 5xx', provider: 'otpVerified', route: 'rental-messages', fault: { kind: 'status', status: 502 }, parameters: otp('rental', 'getMessages', { orderId: order }), message: /^OTPVerified refused the request: "Bad Gateway" \(HTTP 502\)$/ },
		];
		for (const f of faults) suite.sim.fault(f.provider, f.route, { ...f.fault, times: 4 });
		// Under Continue On Fail: the first item uses up the faults and is an error item, the second succeeds.
		suite.sim.fault('rentVerify', 'getServices', { kind: 'html', times: 4 });

		// Each on its own route, all at once: the backoff runs in parallel.
		const [continued, ...results] = await Promise.all([
			suite.run(rv('catalog', 'getServices', { country: 'usa' }), { input: [{}, {}], continueOnFail: true }),
			...faults.map((f) => suite.run(f.parameters)),
		]);

		expect(continued.status).toBe('success');
		expect(pairs(continued.items)).toEqual(paired(0, 1, 1, 1, 1));
		expect(continued.json[0]).toEqual(errorItem(/HTML page/, /failed 4 times in a row/));
		expect(continued.json.slice(1).map((s) => s.code)).toEqual(['tg', 'wa', 'facebook', 'google']);
		expect(suite.sim.count('rentVerify', 'getServices')).toBe(5);

		results.forEach((result, i) => {
			const f = faults[i];
			const seen: IDataObject = {
				fault: f.name,
				status: result.status,
				apiError: result.error instanceof NodeApiError,
				message: result.error?.message,
				description: result.error?.description,
				sent: suite.sim.count(f.provider, f.route),
			};
			expect(seen).toEqual({
				fault: f.name,
				status: 'error',
				apiError: true,
				message: expect.stringMatching(f.message),
				description: expect.stringMatching(/It failed 4 times in a row\.$/),
				sent: 4,
			});
		});
		expect(suite.sim.state().faults).toEqual([]);
	}, 20_000);
});
