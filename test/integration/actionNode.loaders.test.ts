// The editor's lists (listSearch) through n8n-core's LoadOptionsContext, and the
// credential "Test" button for both credential types, against the simulator.
import { NodeApiError } from 'n8n-workflow';

import { OtpVerifiedApi } from '../../credentials/OtpVerifiedApi.credentials';
import { RentVerifyApi } from '../../credentials/RentVerifyApi.credentials';

import { runListSearch, testCredential } from '../helpers/n8nCore';
import { DEMO_OTPVERIFIED_TOKEN, DEMO_RENTVERIFY_TOKEN, NO_ROLE_RENTVERIFY_TOKEN } from '../simulator';
import { buyDirect, otp, rv, useSuite } from './support';

const suite = useSuite();

/** A list search of the node the parameters are for, as the editor runs it when a list is opened or searched. */
const search = (method: string, parameters = rv('activation', 'buyNumber'), filter?: string, credentials = suite.credentials()) =>
	runListSearch({ ...suite.loaderNode(parameters, credentials), method, filter });

/** A catalog field's value as the editor stores it when picked from the list. */
const picked = (value: string) => ({ __rl: true, mode: 'list', value });

describe('listSearch: the catalog lists (Country, Service)', () => {
	test('searchCountries: every country by name, its word as the value', async () => {
		const { results } = await search('searchCountries');

		expect(results).toEqual([
			{ name: 'England', value: 'england' },
			{ name: 'India', value: 'india' },
			{ name: 'United States', value: 'usa' },
		]);
		expect(suite.sim.requests.map((r) => r.route)).toEqual(['getCountries']);
	});

	test('searchCountries: what the user types filters by name or code, in any case', async () => {
		expect((await search('searchCountries', undefined, 'UNITED')).results.map((r) => r.value)).toEqual(['usa']);
		expect((await search('searchCountries', undefined, 'ind')).results.map((r) => r.value)).toEqual(['india']);
		expect((await search('searchCountries', undefined, 'usa')).results.map((r) => r.value)).toEqual(['usa']);
		expect((await search('searchCountries', undefined, 'atlantis')).results).toEqual([]);
	});

	test('searchServices: the services of the chosen country, whether picked or typed', async () => {
		const india = await search('searchServices', rv('activation', 'buyNumber', { country: picked('india') }));
		const england = await search('searchServices', rv('catalog', 'getServices', { country: { __rl: true, mode: 'id', value: ' england ' } }));
		const plain = await search('searchServices', rv('activation', 'buyNumber', { country: 'usa' }), 'TELE');

		expect(india.results).toEqual([
			{ name: 'Google (google)', value: 'google' },
			{ name: 'Telegram (tg)', value: 'tg' },
			{ name: 'WhatsApp (wa)', value: 'wa' },
		]);
		expect(england.results.map((o) => o.value)).toEqual(['facebook', 'tg', 'wa']);
		expect(plain.results.map((o) => o.value)).toEqual(['tg']);
		expect(suite.sim.requests.map((r) => [r.route, r.query.country])).toEqual([
			['getServices', 'india'],
			['getServices', 'england'],
			['getServices', 'usa'],
		]);
	});

	test('searchServices: until a fixed country is chosen it says so, and sends nothing', async () => {
		await expect(search('searchServices', rv('activation', 'buyNumber', { country: picked('') }))).rejects.toThrow(
			'Choose a Country first: the services depend on it.',
		);
		await expect(
			search('searchServices', rv('activation', 'buyNumber', { country: picked('={{ $json.country }}') })),
		).rejects.toThrow(/the Country is an expression\. Type the service code instead \(By Code\)/);
		expect(suite.sim.requests).toEqual([]);
	});

	test('OTPVerified searchServices: every service with its "from" price', async () => {
		const { results } = await search('searchServices', otp('rental', 'rentNumber'));

		expect(results).toEqual([
			{ name: 'Amazon (from $7.40)', value: 'a7d4c2e9' },
			{ name: 'Google (from $3.46)', value: '1fe58df2' },
			{ name: 'Telegram (from $1.25)', value: '6b816098' },
			{ name: 'WhatsApp (from $1.80)', value: '3c9a0e41' },
		]);
		expect((await search('searchServices', otp('rental', 'rentNumber'), 'whats')).results.map((r) => r.value)).toEqual(['3c9a0e41']);
		expect(suite.sim.requests.map((r) => [r.provider, r.route])).toEqual([
			['otpVerified', 'rental-services'],
			['otpVerified', 'rental-services'],
		]);
	});

	test('a list retries a transient failure like any read', async () => {
		suite.sim.fault('rentVerify', 'getCountries', { kind: 'status', status: 502 });
		const { results } = await search('searchCountries');
		expect(results).toHaveLength(3);
		expect(suite.sim.count('rentVerify', 'getCountries')).toBe(2);
	});
});

describe('listSearch: searchActivations', () => {
	test('lists the active activations and filters them by phone, service or ID', async () => {
		const tg = await buyDirect(suite.sim, 'usa', 'tg');
		const wa = await buyDirect(suite.sim, 'india', 'wa');
		const phoneTg = suite.sim.rentVerify.activation(tg).phone;
		const phoneWa = suite.sim.rentVerify.activation(wa).phone;
		const search = (filter?: string) =>
			runListSearch({ ...suite.loaderNode(rv('activation', 'getStatus')), method: 'searchActivations', filter });

		const all = await search();
		expect(all.results).toEqual([
			{ name: `${phoneTg} · tg · usa (${tg})`, value: tg },
			{ name: `${phoneWa} · wa · india (${wa})`, value: wa },
		]);
		expect((await search('WA')).results).toEqual([{ name: `${phoneWa} · wa · india (${wa})`, value: wa }]);
		expect((await search(phoneTg.slice(-4))).results.map((r) => r.value)).toEqual([tg]);
		expect((await search(wa)).results.map((r) => r.value)).toEqual([wa]);
		expect((await search('nothing-like-this')).results).toEqual([]);
		expect(suite.sim.count('rentVerify', 'getActiveActivations')).toBe(5);
	});
});

describe('a wrong credential in a dropdown gives a readable error', () => {
	test('RentVerify: BAD_KEY, with what to do and without the token', async () => {
		const wrong = 'cd'.repeat(32);
		const attempt = search('searchCountries', rv('activation', 'buyNumber'), undefined, suite.credentials({ rentVerifyApi: { token: wrong } }));

		await expect(attempt).rejects.toBeInstanceOf(NodeApiError);
		const error = (await attempt.catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('RentVerify rejected the API token (BAD_KEY)');
		expect(error.description).toMatch(/Check the token in the RentVerify credential/);
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain(wrong);
		expect(suite.sim.count('rentVerify', 'getCountries')).toBe(1);
	});

	test('RentVerify: an account that may not use the API (NO_ACTIVATION) in the activation search', async () => {
		const attempt = runListSearch({
			...suite.loaderNode(rv('activation', 'cancel'), suite.credentials({ rentVerifyApi: { token: NO_ROLE_RENTVERIFY_TOKEN } })),
			method: 'searchActivations',
		});
		await expect(attempt).rejects.toThrow(/\(NO_ACTIVATION\)/);
	});

	test('OTPVerified: the provider’s 401 message', async () => {
		const attempt = search('searchServices', otp('rental', 'rentNumber'), undefined, suite.credentials({ otpVerifiedApi: { apiKey: 'otpv_nope' } }));
		await expect(attempt).rejects.toThrow('OTPVerified refused the request: "Unauthorized" (HTTP 401)');
	});
});

describe('credential test (the "Test" button)', () => {
	// RentVerify's credential Test is declarative (what n8n verifies): getBalance in the base URL's style,
	// with rules that read the plain-text answer, so a BAD_KEY fails whatever its HTTP status.
	test('RentVerify: the right token is OK, a wrong one fails (BAD_KEY, HTTP 401)', async () => {
		const ok = await testCredential(new RentVerifyApi(), { token: DEMO_RENTVERIFY_TOKEN, baseUrl: suite.sim.rentVerifyUrl });
		expect(ok).toEqual({ status: 'OK', message: 'Connection successful!' });

		const wrong = await testCredential(new RentVerifyApi(), { token: 'ef'.repeat(32), baseUrl: `${suite.sim.rentVerifyUrl}/` });
		expect(wrong.status).toBe('Error');
		expect(wrong.httpCode).toBe(401);
		expect(wrong.message).not.toContain('ef'.repeat(32));
		expect(suite.sim.requests.every((r) => r.route === 'getBalance')).toBe(true);
	});

	test('RentVerify: BAD_KEY answered with HTTP 200 fails the test', async () => {
		suite.sim.fault('rentVerify', 'getBalance', { kind: 'word', status: 200, body: 'BAD_KEY' });
		const result = await testCredential(new RentVerifyApi(), { token: DEMO_RENTVERIFY_TOKEN, baseUrl: suite.sim.rentVerifyUrl });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^RentVerify refused the request \(BAD_KEY, BAD_ACTION or BANNED\)/) });
	});

	test('RentVerify: the test works with the Bearer header and with a handler_api.php base URL', async () => {
		const bearer = await testCredential(new RentVerifyApi(), { token: DEMO_RENTVERIFY_TOKEN, baseUrl: suite.sim.rentVerifyUrl, authHeader: 'bearer' });
		expect(bearer.status).toBe('OK');
		const wrongBearer = await testCredential(new RentVerifyApi(), { token: 'ab'.repeat(32), baseUrl: suite.sim.rentVerifyUrl, authHeader: 'bearer' });
		expect(wrongBearer).toMatchObject({ status: 'Error', httpCode: 401 });

		const stub = await testCredential(new RentVerifyApi(), { token: DEMO_RENTVERIFY_TOKEN, baseUrl: suite.sim.rentVerifyStubUrl });
		expect(stub).toEqual({ status: 'OK', message: 'Connection successful!' });
		const last = suite.sim.requests[suite.sim.requests.length - 1];
		expect([last.path, last.route]).toEqual([new URL(suite.sim.rentVerifyStubUrl).pathname, 'getBalance']);
		const wrongStub = await testCredential(new RentVerifyApi(), { token: 'cd'.repeat(32), baseUrl: suite.sim.rentVerifyStubUrl });
		expect(wrongStub.status).toBe('Error');
	});

	test('OTPVerified: the right key is OK, a wrong one is an error (401)', async () => {
		const ok = await testCredential(new OtpVerifiedApi(), { apiKey: DEMO_OTPVERIFIED_TOKEN, baseUrl: suite.sim.otpVerifiedUrl });
		expect(ok).toEqual({ status: 'OK', message: 'Connection successful!' });

		const wrong = await testCredential(new OtpVerifiedApi(), { apiKey: 'otpv_wrong_key_123', baseUrl: suite.sim.otpVerifiedUrl });
		expect(wrong.status).toBe('Error');
		expect(wrong.httpCode).toBe(401);
		expect(wrong.message).not.toContain('otpv_wrong_key_123');

		expect(suite.sim.requests.map((r) => r.route)).toEqual(suite.sim.requests.map(() => 'rental-services'));
		expect(suite.sim.requests.map((r) => r.status)).toEqual([200, ...suite.sim.requests.slice(1).map(() => 401)]);
	});

	test('OTPVerified: an answer with success:false is an error even with HTTP 200', async () => {
		suite.sim.fault('otpVerified', 'rental-services', { kind: 'word', status: 200, body: '{"statusCode":401,"message":"Unauthorized","success":false}' });
		const result = await testCredential(new OtpVerifiedApi(), { apiKey: DEMO_OTPVERIFIED_TOKEN, baseUrl: suite.sim.otpVerifiedUrl });
		expect(result).toEqual({ status: 'Error', message: 'OTPVerified rejected the API key' });
	});
});
