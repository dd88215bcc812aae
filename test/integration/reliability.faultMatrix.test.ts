// The fault matrix (README, "Reliability"): every operation of RentVerify and OTPVerified × every fault the
// simulator injects, run through n8n-core against the simulator, one test per cell of the declared table below.
//
// In every cell: the request that spends or moves money (buy, rent, cancel, release) reaches the simulator exactly
// once; a read recovers (the fault once, then the answer) or fails with an error that says what happened; and the
// simulator's ledger moved by exactly what the user was told: the cost or refund in the output, nothing after a
// clear error, and, after an error that says the request "may have gone through", whatever the server did.
import type { IDataObject } from 'n8n-workflow';

import type { Provider } from '../simulator';
import { type Fault, cellsOf, expectCell, expectWellFormed, faultMessage, faultSpec, runCell } from './faultMatrix';
import { buyDirect, byId, cents, otp, rentDirect, rv, useSuite, type NodeCall } from './support';

const suite = useSuite();

// ---------------------------------------------------------------------------------------------------------------
// The faults (the simulator's fault kinds), and the table
// ---------------------------------------------------------------------------------------------------------------

/** sms-activate's ERROR_SQL word: OTPVerified never documents it, so from there it is an unknown answer. */
const specFor = (fault: Fault, provider: Provider) =>
	faultSpec(fault, provider === 'otpVerified' ? { kind: 'word', body: 'ERROR_SQL' } : { kind: 'errorSql' });

/** What a fault's error says when the call is not (or no longer) retried: each provider's own 5xx and ERROR_SQL words. */
const messageOf = (fault: Fault, provider: Provider): RegExp =>
	provider === 'rentVerify'
		? faultMessage(fault, 'RentVerify', {
				'5xx': /^RentVerify gave an unexpected answer \(HTTP 503\): "Service Unavailable"$/,
				errorSql: /^RentVerify had an internal database error \(ERROR_SQL\)$/,
			})
		: faultMessage(fault, 'OTPVerified', {
				'5xx': /^OTPVerified refused the request: "Service Unavailable" \(HTTP 503\)$/,
				errorSql: /^OTPVerified gave an unexpected answer \(HTTP 200\): "ERROR_SQL"$/,
			});

const TABLE: Record<string, string> = {
	//                                    none latency 5xx    html   empty  resetBefore resetAfter unknownWord 429    errorSql
	'RentVerify Get Balance':            'ok   retry   retry  retry  retry  retry       retry      fail        retry  retry',
	'RentVerify Get Countries':          'ok   retry   retry  retry  retry  retry       retry      fail        retry  retry',
	'RentVerify Get Services':           'ok   retry   retry  retry  retry  retry       retry      fail        retry  retry',
	'RentVerify Get Prices':             'ok   retry   retry  retry  retry  retry       retry      fail        retry  retry',
	'RentVerify Buy Number':             'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
	'RentVerify Get Status':             'ok   retry   retry  retry  retry  retry       retry      fail        retry  retry',
	'RentVerify Wait for Code':          'ok   retry   retry  retry  retry  retry       retry      fail        retry  retry',
	'RentVerify Cancel':                 'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
	'RentVerify Get Many':               'ok   retry   retry  retry  retry  retry       retry      fail        retry  retry',
	'OTPVerified Get Services':          'ok   retry   retry  retry  retry  retry       retry      fail        retry  fail',
	'OTPVerified Rent Number':           'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
	'OTPVerified Get Messages':          'ok   retry   retry  retry  retry  retry       retry      fail        retry  fail',
	'OTPVerified Wait for Message':      'ok   retry   retry  retry  retry  retry       retry      fail        retry  fail',
	'OTPVerified Release':               'ok   maybe+  fail   fail   fail   maybe-      maybe+     fail        fail   fail',
};

// ---------------------------------------------------------------------------------------------------------------
// The operations (the routers in nodes/*/v1/actions/router.ts)
// ---------------------------------------------------------------------------------------------------------------

interface Setup {
	id?: string;
}

interface Row {
	provider: Provider;
	/** The route the fault is put on: the operation's own request. */
	route: string;
	/** The request moves money or changes the number (sent once, never retried). */
	sentOnce?: { action: RegExp; acted(setup: Setup, purchasesBefore: number): boolean; cents: number };
	setup?(): Promise<Setup>;
	call(setup: Setup): NodeCall;
	/** A successful run's output, checked. */
	output(json: IDataObject[], setup: Setup): void;
	/** Where the operation's own words say more than the fault's usual message. */
	messages?: Partial<Record<Fault, RegExp>>;
	/** Money the output tells of: + refunded, - spent (cents). */
	told?(json: IDataObject[]): number;
}

const codeDelivered = async (): Promise<Setup> => {
	const id = await buyDirect(suite.sim);
	suite.sim.rentVerify.deliverCode(id, 'FB-246810');
	return { id };
};
const rentalWithMessage = async (): Promise<Setup> => {
	const id = await rentDirect(suite.sim, '6b816098', 'oneDay');
	suite.sim.otpVerified.addMessage(id, { sender: '42777', message: 'Telegram code: 13579', pin: '13579' });
	return { id };
};

const ROWS: Record<string, Row> = {
	'RentVerify Get Balance': {
		provider: 'rentVerify',
		route: 'getBalance',
		call: () => rv('account', 'getBalance'),
		output: (json) => expect(json).toEqual([{ provider: 'rentVerify', balance: 25.5, currency: 'USD' }]),
	},
	'RentVerify Get Countries': {
		provider: 'rentVerify',
		route: 'getCountries',
		call: () => rv('catalog', 'getCountries'),
		output: (json) => expect(json.map((c) => c.id)).toEqual(['usa', 'england', 'india']),
	},
	'RentVerify Get Services': {
		provider: 'rentVerify',
		route: 'getServices',
		call: () => rv('catalog', 'getServices', { country: 'usa' }),
		output: (json) => expect(json.map((s) => s.code)).toEqual(['tg', 'wa', 'facebook', 'google']),
	},
	'RentVerify Get Prices': {
		provider: 'rentVerify',
		route: 'getPrices',
		call: () => rv('catalog', 'getPrices', { filters: { country: 'usa', service: 'tg' } }),
		output: (json) => expect(json).toEqual([expect.objectContaining({ country: 'usa', service: 'tg', price: 0.5, available: 120 })]),
	},
	'RentVerify Buy Number': {
		provider: 'rentVerify',
		route: 'getNumber',
		sentOnce: { action: /purchase/, acted: (_, before) => suite.sim.purchases('rentVerify') > before, cents: -50 },
		call: () => rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }),
		output: (json) => expect(json).toEqual([expect.objectContaining({ status: 'waiting', country: 'usa', service: 'tg', cost: 0.5 })]),
		told: (json) => -cents(Number(json[0].cost)),
	},
	'RentVerify Get Status': {
		provider: 'rentVerify',
		route: 'getStatus',
		setup: codeDelivered,
		call: ({ id }) => rv('activation', 'getStatus', { activationId: byId(id as string) }),
		output: (json, { id }) => expect(json).toEqual([expect.objectContaining({ id, status: 'received', code: '246810', codeAsSent: 'FB-246810' })]),
	},
	'RentVerify Wait for Code': {
		provider: 'rentVerify',
		route: 'getStatus',
		setup: codeDelivered,
		call: ({ id }) => rv('activation', 'waitForCode', { activationId: byId(id as string), pollInterval: 3, timeout: 10 }),
		output: (json, { id }) => expect(json).toEqual([expect.objectContaining({ id, status: 'received', code: '246810', cost: 0.5 })]),
	},
	'RentVerify Cancel': {
		provider: 'rentVerify',
		route: 'setStatus',
		sentOnce: { action: /cancel/, acted: ({ id }) => suite.sim.rentVerify.activation(id as string).status === 'cancelled', cents: 40 },
		setup: async () => ({ id: await buyDirect(suite.sim) }),
		call: ({ id }) => rv('activation', 'cancel', { activationId: byId(id as string) }),
		messages: {
			'5xx': /^RentVerify failed while cancelling the activation \(HTTP 503\): "Service Unavailable"$/,
			unknownWord: /^RentVerify did not cancel the activation \(HTTP 200\): "STRANGE_WORD:42"$/,
		},
		output: (json, { id }) => expect(json).toEqual([expect.objectContaining({ id, cancelled: true, cost: 0.5, refund: 0.4 })]),
		told: (json) => cents(Number(json[0].refund)),
	},
	'RentVerify Get Many': {
		provider: 'rentVerify',
		route: 'getActiveActivations',
		setup: async () => ({ id: await buyDirect(suite.sim) }),
		call: () => rv('activation', 'getAll', { returnAll: true }),
		output: (json, { id }) => expect(json).toEqual([expect.objectContaining({ id, status: 'waiting', cost: 0.5 })]),
	},
	'OTPVerified Get Services': {
		provider: 'otpVerified',
		route: 'rental-services',
		call: () => otp('catalog', 'getServices'),
		output: (json) => expect(json.map((s) => s.serviceName)).toEqual(['Google', 'Telegram', 'WhatsApp', 'Amazon']),
	},
	'OTPVerified Rent Number': {
		provider: 'otpVerified',
		route: 'request-rental',
		sentOnce: { action: /rental/, acted: (_, before) => suite.sim.purchases('otpVerified') > before, cents: -125 },
		call: () => otp('rental', 'rentNumber', { serviceId: '6b816098', duration: 'oneDay' }),
		output: (json) => expect(json).toEqual([expect.objectContaining({ provider: 'otpVerified', service: 'Telegram', cost: 1.25 })]),
		told: (json) => -cents(Number(json[0].cost)),
	},
	'OTPVerified Get Messages': {
		provider: 'otpVerified',
		route: 'rental-messages',
		setup: rentalWithMessage,
		call: ({ id }) => otp('rental', 'getMessages', { orderId: id }),
		output: (json, { id }) => expect(json).toEqual([expect.objectContaining({ id, sender: '42777', code: '13579' })]),
	},
	'OTPVerified Wait for Message': {
		provider: 'otpVerified',
		route: 'rental-messages',
		setup: rentalWithMessage,
		call: ({ id }) => otp('rental', 'waitForMessage', { orderId: id, pollInterval: 3, timeout: 10, options: { includeExisting: true } }),
		output: (json, { id }) => expect(json).toEqual([expect.objectContaining({ id, sender: '42777', code: '13579' })]),
	},
	'OTPVerified Release': {
		provider: 'otpVerified',
		route: 'release-rental',
		sentOnce: { action: /release/, acted: ({ id }) => suite.sim.otpVerified.rental(id as string).status === 'released', cents: 0 },
		setup: async () => ({ id: await rentDirect(suite.sim, '6b816098', 'oneDay') }),
		call: ({ id }) => otp('rental', 'release', { orderId: id }),
		output: (json, { id }) => expect(json).toEqual([expect.objectContaining({ id, released: true })]),
	},
};

const cells = cellsOf(TABLE);

// ---------------------------------------------------------------------------------------------------------------
// The cells
// ---------------------------------------------------------------------------------------------------------------

const balance = (provider: Provider) => cents(provider === 'rentVerify' ? suite.sim.rentVerify.balance() : suite.sim.otpVerified.balance());

describe('the table itself', () => {
	test('covers every operation of both routers, and has one valid cell per fault', () => {
		expectWellFormed(TABLE, ROWS);
	});
});

describe.each(Object.keys(TABLE))('%s', (operation) => {
	test.each(cells.filter((cell) => cell.operation === operation).map((cell) => [cell.fault, cell.expected] as const))(
		'× %s: %s',
		async (fault, expected) => {
			const row = ROWS[operation];
			const setup = (await row.setup?.()) ?? {};
			const before = balance(row.provider);
			const purchasesBefore = suite.sim.purchases(row.provider);
			const spec = specFor(fault, row.provider);
			if (spec) suite.sim.fault(row.provider, row.route, spec);
			const sent = suite.mark();

			const result = await runCell(fault, () => suite.run(row.call(setup)), () => sent(row.provider, row.route), () => suite.sim.now());

			expectCell({
				expected,
				result,
				requests: sent(row.provider, row.route),
				moved: balance(row.provider) - before,
				acted: row.sentOnce?.acted(setup, purchasesBefore),
				sentOnce: row.sentOnce && { action: row.sentOnce.action, cents: row.sentOnce.cents },
				failMessage: (expected === 'fail' && row.messages?.[fault]) || messageOf(fault, row.provider),
				output: () => {
					row.output(result.json, setup);
					return row.told?.(result.json) ?? 0;
				},
			});
			expect(suite.sim.state().faults).toEqual([]);
		},
		15_000,
	);
});
