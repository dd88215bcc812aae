// The transport through the action node and n8n-core's real HTTP helpers: reads retry transient failures
// (and only reads), the RentVerify token check that keeps a malformed token on this machine, both URL styles
// and both auth headers, and the answer variants real 365sms-family servers send.
import http from 'node:http';
import net from 'node:net';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { TestCredentialsHelper, runListSearch } from '../helpers/n8nCore';
import { DEMO_RENTVERIFY_TOKEN } from '../simulator';
import { buyDirect, byId, otp, rentDirect, rv, useSuite } from './support';

const suite = useSuite();

describe('reads retry transient failures', () => {
	test('two 503s then an answer: success, three requests, backing off between them', async () => {
		suite.sim.fault('rentVerify', 'getBalance', { kind: 'status', status: 503, times: 2 });

		const result = await suite.run(rv('account', 'getBalance'));

		expect(result.status).toBe('success');
		expect(result.json).toEqual([{ provider: 'rentVerify', balance: 25.5, currency: 'USD' }]);
		const sent = suite.sim.requests.filter((r) => r.route === 'getBalance');
		expect(sent.map((r) => r.status)).toEqual([503, 503, 200]);
		expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(300);
		expect(sent[2].at - sent[1].at).toBeGreaterThanOrEqual(sent[1].at - sent[0].at);
	});

	test('a connection reset before the answer is retried for getStatus', async () => {
		const id = await buyDirect(suite.sim);
		suite.sim.rentVerify.deliverCode(id, '246810');
		suite.sim.fault('rentVerify', 'getStatus', { kind: 'resetBefore' });

		const result = await suite.run(rv('activation', 'getStatus', { activationId: byId(id) }));

		expect(result.status).toBe('success');
		expect(result.json[0]).toMatchObject({ id, status: 'received', code: '246810' });
		expect(suite.sim.requests.filter((r) => r.route === 'getStatus').map((r) => r.outcome)).toEqual(['reset-before', 'answered']);
	});

	test('failing on every try: a clear error that says it failed several times (a 5xx, a reset)', async () => {
		suite.sim.fault('rentVerify', 'getBalance', { kind: 'status', status: 503, times: 6 });
		suite.sim.fault('rentVerify', 'getCountries', { kind: 'resetBefore', times: 4 });

		// Different routes, run together: the two backoffs overlap.
		const [balance, countries] = await Promise.all([suite.run(rv('account', 'getBalance')), suite.run(rv('catalog', 'getCountries'))]);

		expect(balance.status).toBe('error');
		expect(balance.error).toBeInstanceOf(NodeApiError);
		expect(balance.error.message).toBe('RentVerify gave an unexpected answer (HTTP 503): "Service Unavailable"');
		expect(balance.error.description).toMatch(/It failed 4 times in a row\.$/);
		expect(suite.sim.count('rentVerify', 'getBalance')).toBe(4);
		expect(suite.sim.state().faults).toEqual([expect.objectContaining({ route: 'getBalance', remaining: 2 })]);

		expect(suite.sim.count('rentVerify', 'getCountries')).toBe(4);
		expect(countries.status).toBe('error');
		expect(countries.error).toBeInstanceOf(NodeApiError);
		expect(countries.error.description).toMatch(/failed 4 times in a row/);
		expect(countries.error.message).toBe('RentVerify closed the connection before answering (ECONNRESET)');
	}, 10_000);

	test('a 429 waits at least its Retry-After before the next try', async () => {
		suite.sim.fault('rentVerify', 'getPrices', { kind: 'rateLimit' });

		const result = await suite.run(rv('catalog', 'getPrices', { filters: { country: 'india' } }));

		expect(result.status).toBe('success');
		expect(result.json).toHaveLength(3);
		const sent = suite.sim.requests.filter((r) => r.route === 'getPrices');
		expect(sent.map((r) => r.status)).toEqual([429, 200]);
		expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(950);
	});

	test('OTPVerified reads retry too: rental-messages after a 502 and a reset', async () => {
		const order = await rentDirect(suite.sim);
		suite.sim.otpVerified.addMessage(order, { pin: 'G-112233' });
		suite.sim.fault('otpVerified', 'rental-messages', { kind: 'status', status: 502 });
		suite.sim.fault('otpVerified', 'rental-messages', { kind: 'resetBefore' });

		const result = await suite.run(otp('rental', 'getMessages', { orderId: order }));

		expect(result.status).toBe('success');
		expect(result.json).toEqual([expect.objectContaining({ id: order, code: '112233' })]);
		expect(suite.sim.requests.filter((r) => r.route === 'rental-messages').map((r) => r.outcome)).toEqual([
			'answered',
			'reset-before',
			'answered',
		]);
	});

	test('calls that change state are sent once: cancel (setStatus) and release are not retried', async () => {
		const id = await buyDirect(suite.sim);
		const order = await rentDirect(suite.sim);
		suite.sim.fault('rentVerify', 'setStatus', { kind: 'status', status: 503 });
		suite.sim.fault('otpVerified', 'release-rental', { kind: 'status', status: 503 });

		const cancel = await suite.run(rv('activation', 'cancel', { activationId: byId(id) }));
		const release = await suite.run(otp('rental', 'release', { orderId: order }));

		expect(cancel.status).toBe('error');
		expect(cancel.error).toBeInstanceOf(NodeApiError);
		expect(cancel.error.message).toContain('"Service Unavailable"');
		expect(release.status).toBe('error');
		expect(release.error.message).toBe('OTPVerified refused the request: "Service Unavailable" (HTTP 503)');
		expect(suite.sim.count('rentVerify', 'setStatus')).toBe(1);
		expect(suite.sim.count('otpVerified', 'release-rental')).toBe(1);
		expect(suite.sim.rentVerify.activation(id).status).toBe('waiting');
		expect(suite.sim.otpVerified.rental(order).status).toBe('reserved');
	});

	test('a cancel answered by a server error says it was a server error (HTTP status), not a refusal', async () => {
		const id = await buyDirect(suite.sim);
		suite.sim.fault('rentVerify', 'setStatus', { kind: 'status', status: 503 });

		const cancel = await suite.run(rv('activation', 'cancel', { activationId: byId(id) }));

		expect(cancel.status).toBe('error');
		expect(cancel.error.message).toMatch(/HTTP 503/);
		expect(cancel.error.description).not.toMatch(/already received an SMS/);
	});
});

describe('the RentVerify token check', () => {
	/** Fails every outgoing TCP connection and records it, so nothing here can reach a real host. */
	function blockNetwork() {
		const attempts: unknown[] = [];
		const spy = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
			attempts.push(args[0]);
			throw new Error('the test blocks every network connection');
		} as unknown as typeof net.Socket.prototype.connect);
		return { attempts, restore: () => spy.mockRestore() };
	}

	test.each([
		['a short token', 'not-a-real-token'],
		['63 hex characters', 'a'.repeat(63)],
		['64 characters that are not all hex', `${'a'.repeat(63)}g`],
	])('with the default base URL, %s fails at once with a NodeOperationError and sends nothing', async (_name, token) => {
		const guard = blockNetwork();
		try {
			const credentials = suite.credentials({ rentVerifyApi: { token } });
			delete credentials.rentVerifyApi.baseUrl; // the credential's default: https://rentverify.us/api/v1

			const result = await suite.run(rv('account', 'getBalance'), { credentials, input: [{}, {}] });
			const loader = runListSearch({ ...suite.loaderNode(rv('activation', 'buyNumber'), credentials), method: 'searchCountries' });
			await expect(loader).rejects.toThrow(/64 hexadecimal characters/);

			expect(result.status).toBe('error');
			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect(result.error.message).toMatch(/^The RentVerify token must be 64 hexadecimal characters/);
			expect(result.error.description).toMatch(/No request was sent/);
			expect(result.error.message).not.toContain(token);
			expect(guard.attempts).toEqual([]);
			expect(suite.sim.requests).toEqual([]);
		} finally {
			guard.restore();
		}
	});

	test('the network guard works: with it, even a request to the simulator never connects', async () => {
		const guard = blockNetwork();
		try {
			// A purchase: sent once, so the failed connection is not retried.
			const result = await suite.run(rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }));
			expect(result.status).toBe('error');
			expect(guard.attempts.length).toBeGreaterThan(0);
			expect(suite.sim.requests).toEqual([]);
		} finally {
			guard.restore();
		}
	}, 10_000);

	test('the same check under Continue On Fail gives error items, still without a request', async () => {
		const guard = blockNetwork();
		try {
			const credentials = suite.credentials({ rentVerifyApi: { token: 'short', baseUrl: 'https://rentverify.us/api/v1/' } });
			const result = await suite.run(rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }), {
				credentials,
				input: [{}, {}],
				continueOnFail: true,
			});
			expect(result.status).toBe('success');
			expect(result.json).toEqual([
				{ error: expect.stringMatching(/64 hexadecimal/), description: expect.stringMatching(/No request was sent/) },
				{ error: expect.stringMatching(/64 hexadecimal/), description: expect.stringMatching(/No request was sent/) },
			]);
			expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(guard.attempts).toEqual([]);
		} finally {
			guard.restore();
		}
	});

	test('other servers keep their own key format: a non-hex key is sent to a compatible server', async () => {
		const result = await suite.run(rv('account', 'getBalance'), {
			credentials: suite.credentials({ rentVerifyApi: { token: 'short-key' } }),
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/BAD_KEY/);
		expect(suite.sim.count('rentVerify', 'getBalance')).toBe(1);
	});
});

describe('URL styles and auth headers', () => {
	test('the sms-activate style (…/handler_api.php?action=…) works for a whole purchase', async () => {
		const credentials = suite.credentials({ rentVerifyApi: { baseUrl: suite.sim.rentVerifyStubUrl } });
		const bought = await suite.run(rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }), { credentials });
		expect(bought.status).toBe('success');
		const id = bought.json[0].id as string;
		suite.sim.rentVerify.deliverCode(id, '777888');
		const status = await suite.run(rv('activation', 'getStatus', { activationId: byId(id) }), { credentials });

		expect(status.json[0]).toMatchObject({ id, status: 'received', code: '777888' });
		expect(suite.sim.requests.map((r) => [r.route, r.path])).toEqual([
			['getNumber', '/rentverify/stubs/handler_api.php'],
			['getActiveActivations', '/rentverify/stubs/handler_api.php'],
			['getStatus', '/rentverify/stubs/handler_api.php'],
		]);
		expect(suite.sim.requests[0].query).toEqual({ service: 'tg', country: 'usa' });
	});

	test('the token as an Authorization: Bearer header, and a base URL with a trailing slash', async () => {
		const credentials = suite.credentials({ rentVerifyApi: { authHeader: 'bearer', baseUrl: `${suite.sim.rentVerifyUrl}/` } });
		const result = await suite.run(rv('account', 'getBalance'), { credentials });
		expect(result.status).toBe('success');
		expect(result.json[0].balance).toBe(25.5);
		expect(suite.sim.requests.map((r) => r.path)).toEqual(['/rentverify/api/v1/getBalance']);
	});
});

describe('answers as real 365sms-family servers send them', () => {
	test('a quoted balance with trailing whitespace', async () => {
		suite.sim.fault('rentVerify', 'getBalance', { kind: 'word', body: '"ACCESS_BALANCE:12.34"\r\n' });
		const result = await suite.run(rv('account', 'getBalance'));
		expect(result.json[0].balance).toBe(12.34);
	});

	test('an activation ID beyond 2^53 and a phone without "+" are kept exactly', async () => {
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'word', body: 'ACCESS_NUMBER:90071992547409931:79001234567' });
		const result = await suite.run(rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }));
		expect(result.status).toBe('success');
		expect(result.json[0]).toMatchObject({ id: '90071992547409931', phoneNumber: '+79001234567' });
	});

	test.each([
		['a JSON error word', 200, '{"status":"error","error":"NO_NUMBERS"}', /\(NO_NUMBERS\)$/],
		['an English sentence', 401, '{"message":"Unauthenticated."}', /\(BAD_KEY\)$/],
		['a ban with a time (":" inside)', 200, 'BANNED:2026-01-01 10:00:00', /blocked until 2026-01-01 10:00:00 \(BANNED\)$/],
		['WRONG_MAX_PRICE with its minimum', 200, 'WRONG_MAX_PRICE:0.75', /lowest price now is 0\.75 \(WRONG_MAX_PRICE\)$/],
		['NO_NUMBER, a near-collision of NO_NUMBERS', 404, 'NO_NUMBER', /unexpected answer \(HTTP 404\): "NO_NUMBER"$/],
	])('getNumber answering %s', async (_name, status, body, message) => {
		suite.sim.fault('rentVerify', 'getNumber', { kind: 'word', status, body });
		const result = await suite.run(rv('activation', 'buyNumber', { country: 'usa', service: 'tg' }));
		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error.message).toMatch(message);
		expect(suite.sim.count('rentVerify', 'getNumber')).toBe(1);
	});

	test('NO_ACTIVATIONS (plural) is an empty active list, NO_ACTIVATION an error', async () => {
		suite.sim.fault('rentVerify', 'getActiveActivations', { kind: 'word', body: 'NO_ACTIVATIONS' });
		const empty = await suite.run(rv('activation', 'getAll', { returnAll: true }));
		expect(empty.status).toBe('success');
		expect(empty.items).toEqual([]);

		suite.sim.fault('rentVerify', 'getActiveActivations', { kind: 'word', body: 'NO_ACTIVATION', status: 403 });
		const refused = await suite.run(rv('activation', 'getAll', { returnAll: true }));
		expect(refused.status).toBe('error');
		expect(refused.error.message).toMatch(/\(NO_ACTIVATION\)$/);
	});

	test('the demo token is a valid 64-hex token (sanity for the check above)', () => {
		expect(DEMO_RENTVERIFY_TOKEN).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('a redirect is not followed: the token goes to the base URL in the credential only', () => {
	/** A server that answers every request with `status` and a Location into the simulator (another origin). */
	async function redirector(status: number): Promise<{ url: string; seen: Array<{ url: string; headers: Record<string, unknown> }>; close(): Promise<void> }> {
		const seen: Array<{ url: string; headers: Record<string, unknown> }> = [];
		const server = http.createServer((request, response) => {
			seen.push({ url: request.url ?? '', headers: { ...request.headers } });
			const target = new URL(suite.sim.rentVerifyUrl);
			response.writeHead(status, { location: `${target.origin}${target.pathname}${request.url?.replace(/^\/api\/v1/, '') ?? ''}` });
			response.end();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as net.AddressInfo;
		return { url: `http://127.0.0.1:${port}/api/v1`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
	}

	test.each([
		['a read (getBalance) with the token in a header', 302, 'xApiToken', rv('account', 'getBalance')],
		['a read with the Bearer header', 301, 'bearer', rv('account', 'getBalance')],
		['a purchase (getNumber), which is sent once', 307, 'xApiToken', rv('activation', 'buyNumber', { country: 'usa', service: 'tg' })],
	])('%s: HTTP %i is an error naming where it pointed; nothing reaches that address', async (_name, status, authHeader, call) => {
		const moved = await redirector(status);
		try {
			const credentials = suite.credentials({ rentVerifyApi: { token: DEMO_RENTVERIFY_TOKEN, baseUrl: moved.url, authHeader } });
			const result = await suite.run(call, { credentials });

			expect(result.status).toBe('error');
			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error.message).toMatch(
				new RegExp(`^RentVerify redirected the request to "${new URL(suite.sim.rentVerifyUrl).origin}/[^"]*" \\(HTTP ${status}\\); it was not followed$`),
			);
			expect(result.error.description).toMatch(/only sent to the base URL in the credential/);
			expect(result.error.message).not.toContain(DEMO_RENTVERIFY_TOKEN);
			// Asked once (a redirect is not transient), and the simulator behind the redirect never heard of it.
			expect(moved.seen).toHaveLength(1);
			expect(suite.sim.requests).toEqual([]);
			expect(suite.sim.purchases('rentVerify')).toBe(0);
		} finally {
			await moved.close();
		}
	});
});

describe('the credential is read once per item and run, not once per request', () => {
	// n8n reads a credential afresh on every getCredentials (its database, decryption, expressions): an item
	// that checks its server, sends and names its provider would pay that several times.
	test('Get Status over 3 items reads the RentVerify credential 3 times, whatever the requests per item', async () => {
		const ids = [await buyDirect(suite.sim), await buyDirect(suite.sim), await buyDirect(suite.sim)];
		const reads = jest.spyOn(TestCredentialsHelper.prototype, 'getDecrypted');
		try {
			const result = await suite.run(rv('activation', 'getStatus', { activationId: byId('={{ $json.id }}') }), {
				input: ids.map((id) => ({ id })),
			});
			expect(result.status).toBe('success');
			expect(result.json.map((item) => item.id)).toEqual(ids);
			expect(reads.mock.calls.filter(([, , type]) => type === 'rentVerifyApi')).toHaveLength(3);
		} finally {
			reads.mockRestore();
		}
	});
});
