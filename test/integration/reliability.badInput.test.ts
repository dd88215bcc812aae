// Bad input (README, "Reliability"): every parameter a user gives the RentVerify and OTPVerified nodes, empty, of the
// wrong type (an expression that gives an object, a list, a word where a number belongs), out of range (negative or
// huge timeouts, intervals, prices, limits), malformed IDs, unknown countries and services. Each fails with an error
// that names the parameter, before any request that spends or moves money: the simulator's request log shows no
// purchase, rental, cancel or release, and the ledger did not move. Under Continue On Fail it is the item's error item.
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Provider } from '../simulator';
import { buyDirect, byId, cents, errorItem, otp, paired, pairs, rentDirect, rv, useSuite, type NodeCall } from './support';

const suite = useSuite();

/** The requests that spend or move money, per provider. */
const MONEY_ROUTES: Record<string, string[]> = {
	rentVerify: ['getNumber', 'setStatus'],
	otpVerified: ['request-rental', 'release-rental'],
};

interface Case {
	/** What is wrong, and with which parameter. */
	name: string;
	/** The parameters; `={{ $json.v }}` takes the bad value from the input item, so any type can be given. */
	call: (setup: IDataObject) => NodeCall;
	/** The bad value, as the input item's `v`. */
	value?: unknown;
	/** The error's message must name the parameter as the panel shows it. */
	error: RegExp;
	/**
	 * Only the provider knows its codes (an unknown country, service): the request goes out and is refused, and
	 * nothing is bought. Everything else fails before any request at all.
	 */
	providerTells?: boolean;
	setup?: () => Promise<IDataObject>;
}

const V = '={{ $json.v }}';
const OBJECT = { nested: { id: 5640086027 } };
const activation = async () => ({ id: await buyDirect(suite.sim) });
const rental = async () => ({ id: await rentDirect(suite.sim, '6b816098', 'oneDay') });

const buy = (rest: IDataObject = {}) => rv('activation', 'buyNumber', { country: 'usa', service: 'tg', ...rest });
const wait = (id: string, rest: IDataObject = {}) => rv('activation', 'waitForCode', { activationId: byId(id), pollInterval: 3, timeout: 10, ...rest });
const waitMessage = (id: string, rest: IDataObject = {}) => otp('rental', 'waitForMessage', { orderId: id, pollInterval: 3, timeout: 10, ...rest });
const rent = (rest: IDataObject = {}) => otp('rental', 'rentNumber', { serviceId: '6b816098', duration: 'oneDay', ...rest });

const cases: Case[] = [
	// RentVerify: Catalog
	{ name: 'Get Services: Country empty', call: () => rv('catalog', 'getServices', { country: V }), value: '', error: /^No country was given$/ },
	{ name: 'Get Services: Country an object', call: () => rv('catalog', 'getServices', { country: V }), value: OBJECT, error: /"country" must be text, but it is an object/ },
	{ name: 'Get Services: Country unknown', call: () => rv('catalog', 'getServices', { country: 'narnia' }), error: /Country "narnia"/, providerTells: true },
	{ name: 'Get Prices: Filters → Country an object', call: () => rv('catalog', 'getPrices', { filters: { country: V } }), value: OBJECT, error: /^Filters → Country must be text, not an object$/ },
	{ name: 'Get Prices: Filters → Only Available a word', call: () => rv('catalog', 'getPrices', { filters: { onlyAvailable: V } }), value: 'sometimes', error: /^Filters → Only Available must be true or false, not "sometimes"$/ },
	// RentVerify: Buy Number
	{ name: 'Buy Number: Country empty', call: () => buy({ country: V }), value: '  ', error: /^No country was given$/ },
	{ name: 'Buy Number: Service empty', call: () => buy({ service: V }), value: '', error: /^No service was given$/ },
	{ name: 'Buy Number: Country a list', call: () => buy({ country: V }), value: ['usa'], error: /"country" must be text, but it is a list/ },
	{ name: 'Buy Number: Service an object', call: () => buy({ service: V }), value: OBJECT, error: /"service" must be text, but it is an object/ },
	{ name: 'Buy Number: Country unknown', call: () => buy({ country: 'narnia' }), error: /Country "narnia"/, providerTells: true },
	{ name: 'Buy Number: Service unknown', call: () => buy({ service: 'zz-unknown' }), error: /Service "zz-unknown"/, providerTells: true },
	{ name: 'Buy Number: Service not sold in that Country', call: () => buy({ country: 'england', service: 'google' }), error: /Service "google".*Country "england"/, providerTells: true },
	{ name: 'Buy Number: Max Price a word', call: () => buy({ options: { maxPrice: V } }), value: 'cheap', error: /^Max Price must be a number of at least 0, not "cheap"$/ },
	{ name: 'Buy Number: Max Price negative', call: () => buy({ options: { maxPrice: V } }), value: -1, error: /^Max Price must be a number of at least 0, not -1$/ },
	{ name: 'Buy Number: Max Price an object', call: () => buy({ options: { maxPrice: V } }), value: OBJECT, error: /^Max Price must be a number of at least 0, not an object$/ },
	{ name: 'Buy Number: Price ID an object', call: () => buy({ options: { priceId: V } }), value: OBJECT, error: /^Price ID must be text, not an object$/ },
	{ name: 'Buy Number: Retry attempts a word', call: () => buy({ options: { retryWhenNoNumbers: { retry: { attempts: V, delay: 1 } } } }), value: 'many', error: /^Retry When No Numbers → Attempts must be a whole number from 2 to 100, not "many"$/ },
	{ name: 'Buy Number: Retry attempts huge', call: () => buy({ options: { retryWhenNoNumbers: { retry: { attempts: V, delay: 1 } } } }), value: 1e9, error: /Attempts must be a whole number from 2 to 100, not 1000000000$/ },
	{ name: 'Buy Number: Retry delay negative', call: () => buy({ options: { retryWhenNoNumbers: { retry: { attempts: 3, delay: V } } } }), value: -5, error: /^Retry When No Numbers → Delay \(Seconds\) must be a number from 1 to 3600, not -5$/ },
	{ name: 'Buy Number: Retry delay huge', call: () => buy({ options: { retryWhenNoNumbers: { retry: { attempts: 3, delay: V } } } }), value: 1e12, error: /Delay \(Seconds\) must be a number from 1 to 3600/ },
	// RentVerify: one activation
	{ name: 'Get Status: Activation empty', call: () => rv('activation', 'getStatus', { activationId: byId(V) }), value: '', error: /^No activation ID was given$/ },
	{ name: 'Get Status: Activation not a number', call: () => rv('activation', 'getStatus', { activationId: byId(V) }), value: '12ab', error: /^Activation must be an activation ID \(digits, e\.g\. 2640086027\), not "12ab"$/ },
	{ name: 'Get Status: Activation negative', call: () => rv('activation', 'getStatus', { activationId: byId(V) }), value: -5, error: /^Activation must be an activation ID .*not "-5"$/ },
	{ name: 'Get Status: Activation an object', call: () => rv('activation', 'getStatus', { activationId: byId(V) }), value: OBJECT, error: /^Activation must be an activation ID .*not an object$/ },
	{ name: 'Cancel: Activation malformed', call: () => rv('activation', 'cancel', { activationId: byId(V) }), value: '5640086027; DROP', error: /^Activation must be an activation ID/ },
	{ name: 'Cancel: Activation a list', call: () => rv('activation', 'cancel', { activationId: byId(V) }), value: [1, 2], error: /^Activation must be an activation ID .*not a list$/ },
	{ name: 'Wait for Code: Activation malformed', call: () => rv('activation', 'waitForCode', { activationId: byId(V), pollInterval: 3, timeout: 10 }), value: 'abc', error: /^Activation must be an activation ID/ },
	{ name: 'Wait for Code: Poll Interval negative', setup: activation, call: ({ id }) => wait(String(id), { pollInterval: V }), value: -3, error: /^Poll Interval \(Seconds\) must be a number of seconds from 3 to 300, not -3$/ },
	{ name: 'Wait for Code: Poll Interval zero', setup: activation, call: ({ id }) => wait(String(id), { pollInterval: V }), value: 0, error: /^Poll Interval \(Seconds\) must be a number of seconds from 3 to 300, not 0$/ },
	{ name: 'Wait for Code: Poll Interval huge', setup: activation, call: ({ id }) => wait(String(id), { pollInterval: V }), value: 86_400, error: /^Poll Interval \(Seconds\) must be .*not 86400$/ },
	{ name: 'Wait for Code: Poll Interval a word', setup: activation, call: ({ id }) => wait(String(id), { pollInterval: V }), value: 'often', error: /^Poll Interval \(Seconds\) must be .*not "often"$/ },
	{ name: 'Wait for Code: Timeout negative', setup: activation, call: ({ id }) => wait(String(id), { timeout: V }), value: -60, error: /^Timeout \(Seconds\) must be a number of seconds from 3 to 86400, not -60$/ },
	{ name: 'Wait for Code: Timeout huge', setup: activation, call: ({ id }) => wait(String(id), { timeout: V }), value: 1e12, error: /^Timeout \(Seconds\) must be .*not 1000000000000$/ },
	{ name: 'Wait for Code: Timeout an object', setup: activation, call: ({ id }) => wait(String(id), { timeout: V }), value: OBJECT, error: /^Timeout \(Seconds\) must be .*not an object$/ },
	{ name: 'Wait for Code: Cancel on Timeout a word', setup: activation, call: ({ id }) => wait(String(id), { options: { cancelOnTimeout: V } }), value: 'no', error: /^Cancel on Timeout must be true or false, not "no"$/ },
	{ name: 'Wait for Code: On Timeout unknown', setup: activation, call: ({ id }) => wait(String(id), { options: { onTimeout: V } }), value: 'explode', error: /^On Timeout must be one of "fail", "output", not "explode"$/ },
	// RentVerify: Get Many
	{ name: 'Get Many: Limit zero', call: () => rv('activation', 'getAll', { returnAll: false, limit: V }), value: 0, error: /^Limit must be a whole number of at least 1, not 0$/ },
	{ name: 'Get Many: Limit a fraction', call: () => rv('activation', 'getAll', { returnAll: false, limit: V }), value: 2.5, error: /^Limit must be a whole number of at least 1, not 2\.5$/ },
	{ name: 'Get Many: Return All a word', call: () => rv('activation', 'getAll', { returnAll: V }), value: 'all', error: /^Return All must be true or false, not "all"$/ },
	// OTPVerified: Rent Number
	{ name: 'Rent Number: Service empty', call: () => rent({ serviceId: V }), value: '', error: /^No service was given$/ },
	{ name: 'Rent Number: Service an object', call: () => rent({ serviceId: V }), value: OBJECT, error: /"serviceId" must be text, but it is an object/ },
	{ name: 'Rent Number: Service unknown', call: () => rent({ serviceId: 'deadbeef' }), error: /^OTPVerified refused the request: "Service not found: deadbeef" \(HTTP 400\)$/, providerTells: true },
	{ name: 'Rent Number: Duration unknown', call: () => rent({ duration: V }), value: 'forever', error: /^Duration must be one of "oneDay", .*, not "forever"$/ },
	{ name: 'Rent Number: Duration an object', call: () => rent({ duration: V }), value: OBJECT, error: /^Duration must be one of .*not an object$/ },
	{ name: 'Rent Number: Area Code two digits', call: () => rent({ areaCode: V }), value: '50', error: /^Area Code: "50" is not a US area code \(three digits, e\.g\. 503\)$/ },
	{ name: 'Rent Number: Area Code an object', call: () => rent({ areaCode: V }), value: OBJECT, error: /^Area Code must be text, not an object$/ },
	// OTPVerified: one rental
	{ name: 'Get Messages: Order ID empty', call: () => otp('rental', 'getMessages', { orderId: V }), value: ' ', error: /^No order ID was given$/ },
	{ name: 'Get Messages: Order ID an object', call: () => otp('rental', 'getMessages', { orderId: V }), value: OBJECT, error: /^Order ID must be text, not an object$/ },
	{ name: 'Get Messages: Only Messages After Time not a time', setup: rental, call: ({ id }) => otp('rental', 'getMessages', { orderId: String(id), options: { afterTime: V } }), value: 'yesterday', error: /^Only Messages After Time must be a time, not "yesterday"$/ },
	{ name: 'Get Messages: Only Messages After Message ID an object', setup: rental, call: ({ id }) => otp('rental', 'getMessages', { orderId: String(id), options: { afterMessageId: V } }), value: OBJECT, error: /^Only Messages After Message ID must be text, not an object$/ },
	{ name: 'Wait for Message: Order ID a list', call: () => otp('rental', 'waitForMessage', { orderId: V, pollInterval: 3, timeout: 10 }), value: ['1'], error: /^Order ID must be text, not a list$/ },
	{ name: 'Wait for Message: Poll Interval a word', setup: rental, call: ({ id }) => waitMessage(String(id), { pollInterval: V }), value: 'fast', error: /^Poll Interval \(Seconds\) must be .*not "fast"$/ },
	{ name: 'Wait for Message: Timeout negative', setup: rental, call: ({ id }) => waitMessage(String(id), { timeout: V }), value: -1, error: /^Timeout \(Seconds\) must be .*not -1$/ },
	{ name: 'Wait for Message: Include Existing Messages a word', setup: rental, call: ({ id }) => waitMessage(String(id), { options: { includeExisting: V } }), value: 'yes', error: /^Include Existing Messages must be true or false, not "yes"$/ },
	{ name: 'Wait for Message: Sender Contains an object', setup: rental, call: ({ id }) => waitMessage(String(id), { options: { senderContains: V } }), value: OBJECT, error: /^Sender Contains must be text, not an object$/ },
	{ name: 'Wait for Message: Text Contains a list', setup: rental, call: ({ id }) => waitMessage(String(id), { options: { textContains: V } }), value: ['code'], error: /^Text Contains must be text, not a list$/ },
	{ name: 'Release: Order ID empty', call: () => otp('rental', 'release', { orderId: V }), value: '', error: /^No order ID was given$/ },
	{ name: 'Release: Order ID an object', call: () => otp('rental', 'release', { orderId: V }), value: OBJECT, error: /^Order ID must be text, not an object$/ },
];

const balances = () => ({ rentVerify: cents(suite.sim.rentVerify.balance()), otpVerified: cents(suite.sim.otpVerified.balance()) });

describe.each(cases)('$name', (c) => {
	const arrange = async () => {
		const setup = (await c.setup?.()) ?? {};
		return { setup, before: balances(), purchases: [suite.sim.purchases('rentVerify'), suite.sim.purchases('otpVerified')], log: suite.mark() };
	};
	const nothingMoved = (arranged: Awaited<ReturnType<typeof arrange>>) => {
		expect(balances()).toEqual(arranged.before);
		expect([suite.sim.purchases('rentVerify'), suite.sim.purchases('otpVerified')]).toEqual(arranged.purchases);
		const sent = arranged.log();
		if (c.providerTells) {
			// At most the one refused request per item; every request that could spend was answered with a refusal.
			for (const r of sent.filter((r) => MONEY_ROUTES[r.provider as Provider].includes(r.route))) expect(r.status).toBeGreaterThanOrEqual(400);
		} else {
			expect(sent.map((r) => r.route)).toEqual([]);
		}
	};

	test('fails with an error that names the parameter; nothing is spent', async () => {
		const arranged = await arrange();
		const result = await suite.run(c.call(arranged.setup), { input: [{ v: c.value ?? null }] });

		expect(result.status).toBe('error');
		// The node's own checks are NodeOperationErrors; a refusal the provider answered is a NodeApiError.
		expect(result.error).toBeInstanceOf(c.providerTells ? NodeApiError : NodeOperationError);
		expect(result.error.message).toMatch(c.error);
		expect(result.error.description).toMatch(/\S/);
		nothingMoved(arranged);
	});

	test('under Continue On Fail: the error item of that item, paired', async () => {
		const arranged = await arrange();
		const result = await suite.run(c.call(arranged.setup), { input: [{ v: c.value ?? null }], continueOnFail: true });

		expect(result.status).toBe('success');
		expect(pairs(result.items)).toEqual(paired(0));
		expect(result.json[0]).toEqual(errorItem(c.error));
		nothingMoved(arranged);
	});
});
