// No token ever reaches an error or an output item. This file runs a broad set of failing calls with
// distinctive tokens (right and wrong ones, both providers, both RentVerify URL styles, faults, loaders,
// credential tests, waits), then checks every error n8n-core saw (observedErrors) and every output item.
// Then servers that echo a token back in every form (whole, upper case, URL-encoded, JSON-escaped, split over lines,
// cut to 8+ first or last characters, keys saved with spaces around them), and n8n's log as well as errors and outputs,
// judged by a leak finder written apart from the nodes' redaction (test/helpers/secretLeaks.ts).
import net from 'node:net';

import { Logger } from '@n8n/backend-common';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { OtpVerifiedApi } from '../../credentials/OtpVerifiedApi.credentials';
import { RentVerifyApi } from '../../credentials/RentVerifyApi.credentials';

import { clearObservedErrors, observedErrors, runListSearch, testCredential, type NodeRunResult } from '../helpers/n8nCore';
import { echoesOf, leakedSecrets } from '../helpers/secretLeaks';
import { DEMO_RENTVERIFY_TOKEN, buyDirect, byId, otp, rv, useSuite, type NodeCall, type Run } from './support';

// Distinctive values, so a leak is found wherever it lands.
const RV_TOKEN = 'deadc0de'.repeat(8);
const RV_WRONG = '0badf00d'.repeat(8);
const RV_MALFORMED = 'Malformed-Secret-Token-Zq9';
const OTP_KEY = 'otpv_secret_5ca1ab1e_f1d0_key';
const OTP_WRONG = 'otpv_wrong_c0ffee_decaf_key';
// Tokens for the echo tests: a hex token whose first and last pieces differ, and keys with characters that URL
// encoding and JSON escaping change (a RentVerify-compatible server's key, sent in the URL, and an OTPVerified key).
const RV_ECHO = '7f3a9c1e5b2d8046e1c9a7f35b0d2e4c6a8f1b3d5e7092c4a6b8d0f2e4c6a8b1';
const RV_SIGNS = 'Rv+Key/Non=Hex&Secret"2026~q';
const OTP_SIGNS = 'otpv_S3cr3t+Key/With=Signs&Q9"z';
const SECRETS = [RV_TOKEN, RV_WRONG, RV_MALFORMED, OTP_KEY, OTP_WRONG, RV_ECHO, RV_SIGNS, OTP_SIGNS];

// The demo token buys the activations the echo tests wait on (buyDirect); the simulator has one account.
const suite = useSuite({ rentVerifyTokens: [RV_TOKEN, RV_ECHO, RV_SIGNS, DEMO_RENTVERIFY_TOKEN], otpVerifiedTokens: [OTP_KEY, OTP_SIGNS] });

/** Every line n8n-core's logger was given while this file ran (whatever the log level lets through). */
const logged: string[] = [];
let logSpy: jest.SpyInstance | undefined;
beforeAll(() => {
	// `log` is where Logger's error/warn/info/debug all go (it is not in the public type).
	const prototype = Logger.prototype as unknown as { log: (level: unknown, message: unknown, metadata: unknown) => void };
	logSpy = jest.spyOn(prototype, 'log').mockImplementation((level, message, metadata) => {
		logged.push(`${String(level)} ${String(message)} ${JSON.stringify(metadata ?? {})}`);
	});
});
afterAll(() => logSpy?.mockRestore());

const outputs: INodeExecutionData[] = [];
let runs = 0;

function credentials(rentVerify: IDataObject = {}, otpVerified: IDataObject = {}) {
	return suite.credentials({ rentVerifyApi: { token: RV_TOKEN, ...rentVerify }, otpVerifiedApi: { apiKey: OTP_KEY, ...otpVerified } });
}

/** Runs the node with and without Continue On Fail and keeps every output item for the final check. */
async function fail(parameters: NodeCall, extra: Run): Promise<NodeRunResult[]> {
	const results: NodeRunResult[] = [];
	for (const continueOnFail of [false, true]) {
		const result = await suite.run(parameters, { input: [{}, {}], ...extra, continueOnFail });
		runs++;
		outputs.push(...result.items);
		results.push(result);
	}
	return results;
}

/** The secret, or a 12-character piece of it, found in the text. */
function leaks(text: string): string[] {
	const found: string[] = [];
	for (const secret of SECRETS) {
		for (let i = 0; i + 12 <= secret.length; i++) {
			if (text.includes(secret.slice(i, i + 12))) {
				found.push(secret);
				break;
			}
		}
	}
	return found;
}

beforeAll(() => clearObservedErrors());

describe('failing calls with distinctive tokens', () => {
	test('wrong tokens on both providers, both RentVerify URL styles and both auth headers', async () => {
		const wrongRv = credentials({ token: RV_WRONG });
		const stubWrong = credentials({ token: RV_WRONG, baseUrl: suite.sim.rentVerifyStubUrl });
		const bearerWrong = credentials({ token: RV_WRONG, authHeader: 'bearer' });
		const wrongOtp = credentials({}, { apiKey: OTP_WRONG });

		for (const creds of [wrongRv, stubWrong, bearerWrong]) {
			for (const parameters of [
				rv('account', 'getBalance'),
				rv('activation', 'buyNumber', { country: 'usa', service: 'tg', options: { maxPrice: 1 } }),
				rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }),
				rv('activation', 'cancel', { activationId: byId('123') }),
				rv('activation', 'waitForCode', { activationId: byId('123'), pollInterval: 3, timeout: 3 }),
			]) {
				const [plain, continued] = await fail(parameters, { credentials: creds });
				expect(plain.status).toBe('error');
				expect(plain.error.message).toMatch(/BAD_KEY/);
				expect(continued.json[0].error).toMatch(/BAD_KEY/);
			}
		}
		for (const parameters of [
			otp('catalog', 'getServices'),
			otp('rental', 'rentNumber', { serviceId: '1fe58df2', duration: 'oneDay' }),
			otp('rental', 'getMessages', { orderId: '1' }),
			otp('rental', 'release', { orderId: '1' }),
			otp('rental', 'waitForMessage', { orderId: '1', pollInterval: 3, timeout: 3 }),
		]) {
			const [plain] = await fail(parameters, { credentials: wrongOtp });
			expect(plain.error.message).toMatch(/HTTP 401/);
		}
		expect(suite.sim.purchases('rentVerify')).toBe(0);
	}, 30_000);

	test('connection faults with the token in the URL (handler_api.php style) and in headers', async () => {
		const stub = credentials({ baseUrl: suite.sim.rentVerifyStubUrl });
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'resetAfter', times: 4 });
		suite.sim.fault('rentVerify', 'getBalance', { kind: 'resetBefore', times: 4 });
		suite.sim.fault('otpVerified', 'request-rental', { kind: 'resetAfter', times: 4 });

		const [buy] = await fail(rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }), { credentials: stub, input: [{}] });
		const balance = await suite.run(rv('account', 'getBalance'), { credentials: stub });
		const [rent] = await fail(otp('rental', 'rentNumber', { serviceId: '1fe58df2', duration: 'oneDay' }), { credentials: stub, input: [{}] });

		expect(buy.status).toBe('error');
		expect(balance.status).toBe('error');
		expect(rent.status).toBe('error');
		expect(suite.sim.count('rentVerify', 'getBalance')).toBe(4);
	}, 20_000);

	test('HTML, empty, 5xx, 429 and unknown answers, on every kind of call', async () => {
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'html' });
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'empty' });
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'rateLimit' });
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'errorSql' });
		suite.sim.fault('otpVerified', 'release-rental', { kind: 'status', status: 503, times: 2 });
		suite.sim.fault('otpVerified', 'release-rental', { kind: 'word', body: '<<not json>>', times: 2 });
		for (let i = 0; i < 2; i++) await fail(rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }), { credentials: credentials(), input: [{}] });
		for (let i = 0; i < 2; i++) await fail(otp('rental', 'release', { orderId: '1' }), { credentials: credentials(), input: [{}] });
		expect(suite.sim.state().faults).toEqual([]);
	});

	test('a server that echoes the token in its error answer: the token is not repeated in the error', async () => {
		const echoes = [
			`UNKNOWN_KEY ${RV_TOKEN}`,
			`{"status":"error","error":"REJECTED","message":"key ${RV_TOKEN} is not allowed"}`,
			// A long answer that quotes the key where the error message is cut off.
			`ERROR ${'z'.repeat(70)} request by key ${RV_TOKEN} refused`,
		];
		for (const body of echoes) {
			suite.sim.fault('rentVerify', 'getBalance', { kind: 'word', body });
			suite.sim.fault('rentVerify', 'getBalance', { kind: 'word', body });
			const [plain, continued] = await fail(rv('account', 'getBalance'), { credentials: credentials(), input: [{}] });
			expect(plain.status).toBe('error');
			expect({ body, leaks: leaks(`${plain.error.message} ${plain.error.description}`) }).toEqual({ body, leaks: [] });
			expect({ body, leaks: leaks(JSON.stringify(continued.json)) }).toEqual({ body, leaks: [] });
		}
		suite.sim.fault('otpVerified', 'rental-services', { kind: 'word', status: 401, body: JSON.stringify({ statusCode: 401, message: `Invalid API key ${OTP_KEY}`, success: false }) });
		const [otpEcho] = await fail(otp('catalog', 'getServices'), { credentials: credentials(), input: [{}] });
		expect(otpEcho.error.message).toMatch(/Invalid API key \*\*\*/);
	});

	test('a malformed token with the default base URL (blocked network: nothing may leave)', async () => {
		const attempts: unknown[] = [];
		const spy = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (...args: unknown[]) {
			attempts.push(args[0]);
			throw new Error('the test blocks every network connection');
		} as unknown as typeof net.Socket.prototype.connect);
		try {
			const malformed = credentials({ token: RV_MALFORMED });
			delete malformed.rentVerifyApi.baseUrl;
			const [plain] = await fail(rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }), { credentials: malformed });
			expect(plain.error.message).toMatch(/64 hexadecimal characters/);
			await expect(
				runListSearch({ ...suite.loaderNode(rv('activation', 'buyNumber'), malformed), method: 'searchCountries' }),
			).rejects.toThrow(/64 hexadecimal/);
			expect(attempts).toEqual([]);
		} finally {
			spy.mockRestore();
		}
	});

	test('dropdown loaders and the credential test with wrong tokens', async () => {
		const wrong = credentials({ token: RV_WRONG }, { apiKey: OTP_WRONG });
		await expect(runListSearch({ ...suite.loaderNode(rv('activation', 'buyNumber'), wrong), method: 'searchCountries' })).rejects.toThrow(/BAD_KEY/);
		await expect(runListSearch({ ...suite.loaderNode(rv('activation', 'buyNumber', { country: 'usa' }), wrong), method: 'searchServices' })).rejects.toThrow(/BAD_KEY/);
		await expect(runListSearch({ ...suite.loaderNode(otp('rental', 'rentNumber'), wrong), method: 'searchServices' })).rejects.toThrow(/401/);
		await expect(runListSearch({ ...suite.loaderNode(rv('activation', 'cancel'), wrong), method: 'searchActivations', filter: 'x' })).rejects.toThrow(/BAD_KEY/);

		const rvTest = await testCredential(new RentVerifyApi(), { token: RV_WRONG, baseUrl: suite.sim.rentVerifyUrl });
		const stubTest = await testCredential(new RentVerifyApi(), { token: RV_WRONG, baseUrl: suite.sim.rentVerifyStubUrl });
		const otpTest = await testCredential(new OtpVerifiedApi(), { apiKey: OTP_WRONG, baseUrl: suite.sim.otpVerifiedUrl });
		expect([rvTest.status, stubTest.status, otpTest.status]).toEqual(['Error', 'Error', 'Error']);
		for (const r of [rvTest, stubTest, otpTest]) expect(leaks(JSON.stringify(r))).toEqual([]);
	});

	test('successful calls with the right tokens carry no token in their output either', async () => {
		const ok = credentials();
		for (const parameters of [
			rv('account', 'getBalance'),
			rv('activation', 'buyNumber', { country: 'usa', service: 'tg', options: { maxPrice: 1 } }),
			rv('activation', 'getAll', { returnAll: true }),
			otp('catalog', 'getServices'),
			otp('rental', 'rentNumber', { serviceId: '1fe58df2', duration: 'oneDay' }),
		]) {
			const result = await suite.run(parameters, { credentials: ok });
			runs++;
			expect(result.status).toBe('success');
			outputs.push(...result.items);
		}
	});
});

describe('servers that echo the token back, in every form', () => {
	// Each key as the credential holds it: the hex token and the OTPVerified key saved with spaces around them
	// (the nodes send them trimmed), the other key at a handler_api.php address, where it travels in the URL.
	const echoCases = [
		{ secret: RV_ECHO, provider: 'rentVerify' as const, creds: () => credentials({ token: `  ${RV_ECHO}  ` }) },
		{ secret: RV_SIGNS, provider: 'rentVerify' as const, creds: () => credentials({ token: RV_SIGNS, baseUrl: suite.sim.rentVerifyStubUrl }) },
		{ secret: OTP_SIGNS, provider: 'otpVerified' as const, creds: () => credentials({}, { apiKey: ` ${OTP_SIGNS}\t` }) },
	].flatMap((c) => echoesOf(c.secret).map((echo) => ({ ...c, ...echo })));

	test.each(echoCases)('$provider, $name: not in the error, the error item, the output or the log', async ({ secret, provider, creds, echo }) => {
		const seenBefore = { errors: observedErrors.length, logs: logged.length, outputs: outputs.length };
		if (provider === 'rentVerify') {
			// An unknown answer that quotes the key (the error quotes the answer), a JSON error, and a success that carries it.
			suite.sim.fault('rentVerify', 'getBalance', { kind: 'word', status: 401, body: `Invalid key: ${echo}` });
			suite.sim.fault('rentVerify', 'getBalance', { kind: 'word', status: 401, body: `Invalid key: ${echo}` });
			await fail(rv('account', 'getBalance'), { credentials: creds(), input: [{}] });
			suite.sim.fault('rentVerify', 'getPrices', { kind: 'word', status: 400, body: JSON.stringify({ status: 'error', message: `api_key=${echo} refused` }), times: 2 });
			await fail(rv('catalog', 'getPrices'), { credentials: creds(), input: [{}] });
			suite.sim.fault('rentVerify', 'getCountries', { kind: 'word', body: JSON.stringify([{ id: 'usa', name: `United States (key ${echo})` }]) });
			const countries = await suite.run(rv('catalog', 'getCountries'), { credentials: creds() });
			outputs.push(...countries.items);
			expect(countries.status).toBe('success');
			// A log line: Wait for Code gets its code, but the read for the number's details fails with the echo.
			const id = await buyDirect(suite.sim);
			suite.sim.rentVerify.deliverCode(id, '123456');
			suite.sim.fault('rentVerify', 'getActiveActivations', { kind: 'word', body: `LIST_DENIED ${echo}` });
			const waited = await suite.run(rv('activation', 'waitForCode', { activationId: byId(id), pollInterval: 3, timeout: 10 }), { credentials: creds() });
			outputs.push(...waited.items);
			expect(waited.json[0]).toMatchObject({ id, code: '123456' });
			expect(logged.slice(seenBefore.logs).join('\n')).toMatch(/Could not read the active activations/);
		} else {
			suite.sim.fault('otpVerified', 'rental-services', { kind: 'word', status: 401, body: JSON.stringify({ statusCode: 401, message: `Invalid API key ${echo}`, success: false }) });
			suite.sim.fault('otpVerified', 'rental-services', { kind: 'word', status: 401, body: JSON.stringify({ statusCode: 401, message: `Invalid API key ${echo}`, success: false }) });
			await fail(otp('catalog', 'getServices'), { credentials: creds(), input: [{}] });
			suite.sim.fault('otpVerified', 'request-rental', { kind: 'word', status: 502, body: `<html><title>502</title><body>upstream said: Authorization: Bearer ${echo}</body></html>` });
			suite.sim.fault('otpVerified', 'request-rental', { kind: 'word', status: 502, body: `<html><title>502</title><body>upstream said: Authorization: Bearer ${echo}</body></html>` });
			await fail(otp('rental', 'rentNumber', { serviceId: '6b816098', duration: 'oneDay' }), { credentials: creds(), input: [{}] });
			suite.sim.fault('otpVerified', 'rental-services', { kind: 'word', body: JSON.stringify({ statusCode: 200, success: true, message: 'ok', data: [{ serviceId: '1', serviceName: `Echo ${echo}`, price: '1.00' }] }) });
			const services = await suite.run(otp('catalog', 'getServices'), { credentials: creds() });
			outputs.push(...services.items);
			expect(services.status).toBe('success');
		}
		expect(suite.sim.state().faults).toEqual([]);
		// This case's own record, before the whole file's below: the echo, as each place got it.
		const seen = [
			...observedErrors.slice(seenBefore.errors).map((e) => `${e.message}\n${e.description ?? ''}\n${e.json ?? ''}`),
			...outputs.slice(seenBefore.outputs).map((item) => JSON.stringify(item)),
			...logged.slice(seenBefore.logs),
		];
		expect(seen.length).toBeGreaterThan(6);
		expect(seen.filter((text) => leakedSecrets(text, [secret]).length > 0)).toEqual([]);
	}, 20_000);
});

describe('the record of everything', () => {
	test('no error n8n-core saw and no output item contains any token used', () => {
		// Enough was seen for the check to mean something.
		expect(runs).toBeGreaterThan(60);
		expect(observedErrors.length).toBeGreaterThan(60);
		expect(outputs.filter((item) => item.json.error !== undefined).length).toBeGreaterThan(25);

		const errorLeaks = observedErrors
			.map((e, index) => ({ index, message: e.message, secrets: SECRETS.filter((s) => [e.message, e.description ?? '', e.json ?? ''].some((t) => t.includes(s))) }))
			.filter((e) => e.secrets.length > 0);
		expect(errorLeaks).toEqual([]);

		const outputLeaks = outputs
			.map((item) => ({ json: JSON.stringify(item.json), error: item.error ? JSON.stringify(item.error) : '' }))
			.filter((item) => SECRETS.some((s) => item.json.includes(s) || item.error.includes(s)));
		expect(outputLeaks).toEqual([]);
	});

	test('nor any piece of 8 or more characters of one, in any case or encoding, in an error, an output or the log', () => {
		expect(logged.length).toBeGreaterThan(20);
		const texts = [
			...observedErrors.map((e) => `${e.message}\n${e.description ?? ''}\n${e.json ?? ''}`),
			...outputs.map((item) => JSON.stringify(item)),
			...logged,
		];
		const leaks = texts.map((text) => ({ text: text.slice(0, 300), secrets: leakedSecrets(text, SECRETS) })).filter((t) => t.secrets.length > 0);
		expect(leaks).toEqual([]);
	});
});
