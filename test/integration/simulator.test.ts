// The provider simulator itself, over real HTTP: every route, errors, the money ledger, faults,
// scripted delivery, the request log and the control API.
import {
	DEMO_OTPVERIFIED_TOKEN,
	DEMO_RENTVERIFY_TOKEN,
	FLAVOURS,
	NO_ROLE_RENTVERIFY_TOKEN,
	startSimulator,
	type Simulator,
} from '../simulator';

import { answer, useSimulator, type Answer } from './simulatorHttp';

let sim: Simulator;
const { control } = useSimulator((started) => (sim = started));

/** A RentVerify GET with the demo token in X-API-Token (or the given headers). */
async function rv(path: string, headers: Record<string, string> = { 'X-API-Token': DEMO_RENTVERIFY_TOKEN }): Promise<Answer> {
	return answer(await fetch(`${sim.rentVerifyUrl}/${path}`, { headers }));
}

async function otp(method: 'GET' | 'POST', path: string, body?: unknown, token = DEMO_OTPVERIFIED_TOKEN) {
	const response = await fetch(`${sim.otpVerifiedUrl}/users/${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const raw = await answer(response);
	return { ...raw, json: JSON.parse(raw.body) as { statusCode: number; data?: any; message: string; success: boolean } };
}

async function buy(service = 'tg', country = 'usa'): Promise<{ id: string; phone: string }> {
	const { status, body } = await rv(`getNumber?service=${service}&country=${country}`);
	expect(status).toBe(200);
	const [word, id, phone] = body.split(':');
	expect(word).toBe('ACCESS_NUMBER');
	return { id, phone };
}

async function rent(body: Record<string, unknown> = { serviceId: '1fe58df2', duration: 'oneDay' }) {
	const result = await otp('POST', 'request-rental', body);
	expect(result.status).toBe(201);
	return result.json.data as { orderId: string; number: string; price: string; duration: number };
}

/** Waits until the simulator has logged `count` requests (their arrival, before any answer). */
async function arrived(count: number): Promise<void> {
	for (let i = 0; i < 100 && sim.requests.length < count; i++) await new Promise((r) => setTimeout(r, 10));
	expect(sim.requests.length).toBeGreaterThanOrEqual(count);
}

/** Waits until the simulator has logged the outcome of a request whose client already gave up. */
async function settledOutcome(seq: number) {
	for (let i = 0; i < 100 && sim.requests[seq - 1]?.outcome == null; i++) await new Promise((r) => setTimeout(r, 10));
	return sim.requests[seq - 1];
}

describe('public constants and URLs', () => {
	test('tokens have the documented shapes and the URLs point at the providers', () => {
		expect(DEMO_RENTVERIFY_TOKEN).toMatch(/^[0-9a-f]{64}$/);
		expect(NO_ROLE_RENTVERIFY_TOKEN).toMatch(/^[0-9a-f]{64}$/);
		expect(NO_ROLE_RENTVERIFY_TOKEN).not.toBe(DEMO_RENTVERIFY_TOKEN);
		expect(DEMO_OTPVERIFIED_TOKEN).toMatch(/^otpv_demo_/);
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.rentVerifyUrl).toBe(`${sim.url}/rentverify/api/v1`);
		expect(sim.otpVerifiedUrl).toBe(`${sim.url}/otpverified/api/v1`);
		// The sms-activate family's flavours (simulatorFlavours.test.ts covers them).
		expect(sim.flavourUrl('heroSms')).toBe(`${sim.url}/heroSms/stubs/handler_api.php`);
		expect(Object.keys(sim.state().flavours)).toEqual([...FLAVOURS]);
	});

	test('an unknown path is a plain 404', async () => {
		const response = await fetch(`${sim.url}/elsewhere`);
		expect([response.status, await response.text()]).toEqual([404, 'Not Found']);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('RentVerify auth', () => {
	test('missing or wrong token is BAD_KEY 401 as text/plain', async () => {
		const attempts: Array<Record<string, string>> = [{}, { 'X-API-Token': 'f'.repeat(64) }, { authorization: 'Bearer nope' }];
		for (const headers of attempts) {
			const r = await rv('getBalance', headers);
			expect([r.status, r.body]).toEqual([401, 'BAD_KEY']);
			expect(r.type).toMatch(/^text\/plain/);
		}
	});

	test('Bearer works as well as X-API-Token', async () => {
		const r = await rv('getBalance', { authorization: `Bearer ${DEMO_RENTVERIFY_TOKEN}` });
		expect([r.status, r.body]).toEqual([200, 'ACCESS_BALANCE:25.50']);
	});

	test('the no-role token is NO_ACTIVATION 403 on every call', async () => {
		for (const path of ['getBalance', 'getCountries', 'getNumber?service=tg&country=usa']) {
			const r = await rv(path, { 'X-API-Token': NO_ROLE_RENTVERIFY_TOKEN });
			expect([r.status, r.body]).toEqual([403, 'NO_ACTIVATION']);
		}
		expect(sim.purchases('rentVerify')).toBe(0);
	});

	test('extra tokens can be configured', async () => {
		const token = 'a'.repeat(64);
		const other = await startSimulator({ rentVerifyTokens: [token], otpVerifiedTokens: ['otpv_other'] });
		try {
			const ok = await fetch(`${other.rentVerifyUrl}/getBalance`, { headers: { 'X-API-Token': token } });
			expect(await ok.text()).toBe('ACCESS_BALANCE:25.50');
			const demo = await fetch(`${other.rentVerifyUrl}/getBalance`, { headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN } });
			expect([demo.status, await demo.text()]).toEqual([401, 'BAD_KEY']);
			const o = await fetch(`${other.otpVerifiedUrl}/users/rental-services`, { headers: { authorization: 'Bearer otpv_other' } });
			expect(o.status).toBe(200);
			await o.text();
		} finally {
			await other.close();
		}
	});
});

describe('RentVerify catalog', () => {
	test('getCountries', async () => {
		const r = await rv('getCountries');
		expect(r.type).toMatch(/^application\/json/);
		expect(JSON.parse(r.body)).toEqual([
			{ id: 'usa', name: 'United States' },
			{ id: 'england', name: 'England' },
			{ id: 'india', name: 'India' },
		]);
	});

	test('getServices per country, and BAD_ACTION without a known country', async () => {
		expect(JSON.parse((await rv('getServices?country=usa')).body)).toEqual([
			{ code: 'tg', name: 'Telegram' },
			{ code: 'wa', name: 'WhatsApp' },
			{ code: 'facebook', name: 'Facebook' },
			{ code: 'google', name: 'Google' },
		]);
		const england = JSON.parse((await rv('getServices?country=england')).body).map((s: { code: string }) => s.code);
		expect(england).toEqual(['tg', 'wa', 'facebook']);
		for (const path of ['getServices', 'getServices?country=mars']) {
			const r = await rv(path);
			expect([r.status, r.body]).toEqual([400, 'BAD_ACTION']);
		}
	});

	test('getPrices is nested {country: {service: {price, available, price_id}}}', async () => {
		const prices = JSON.parse((await rv('getPrices')).body);
		expect(prices.usa.tg).toEqual({ price: 0.5, available: 120, price_id: expect.any(String) });
		expect(prices.usa.wa).toMatchObject({ price: 1.2, available: 85 });
		expect(prices.england.tg).toMatchObject({ price: 0.75, available: 64 });
		expect(prices.india.wa).toMatchObject({ price: 0.3 });
		expect(prices.england.facebook.available).toBe(0);
		expect(prices.england.google).toBeUndefined();
	});

	test('setPrice changes price and availability, and adds a pair', async () => {
		sim.rentVerify.setPrice('usa', 'tg', { price: 0.99, available: 3 });
		sim.rentVerify.setPrice('england', 'google', { price: 0.42 });
		const prices = JSON.parse((await rv('getPrices')).body);
		expect(prices.usa.tg).toMatchObject({ price: 0.99, available: 3 });
		expect(prices.england.google).toMatchObject({ price: 0.42, available: 100 });
		expect(() => sim.rentVerify.setPrice('mars', 'tg', { price: 1 })).toThrow(/country/);
		expect(() => sim.rentVerify.setPrice('india', 'facebook', {})).toThrow(/needs a price/);
	});

	test('an unknown route or method is BAD_ACTION 400', async () => {
		expect((await rv('getSomething')).body).toBe('BAD_ACTION');
		const post = await fetch(`${sim.rentVerifyUrl}/getBalance`, { method: 'POST', headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN } });
		expect([post.status, await post.text()]).toEqual([400, 'BAD_ACTION']);
	});
});

describe('RentVerify buying and the money ledger', () => {
	test('getNumber spends the price, decrements availability and answers ACCESS_NUMBER', async () => {
		const { id, phone } = await buy('tg', 'usa');
		expect(Number(id)).toBeGreaterThan(2 ** 32);
		expect(phone).toMatch(/^\+1202555\d{4}$/);
		expect((await rv('getBalance')).body).toBe('ACCESS_BALANCE:25.00');
		expect(JSON.parse((await rv('getPrices')).body).usa.tg.available).toBe(119);
		expect(sim.purchases('rentVerify')).toBe(1);
		expect(sim.rentVerify.activation(id)).toMatchObject({ id, phone, service: 'tg', country: 'usa', cost: 0.5, status: 'waiting' });
	});

	test('ids increase and phones look like their country', async () => {
		const a = await buy('tg', 'usa');
		const b = await buy('tg', 'england');
		const c = await buy('wa', 'india');
		expect(BigInt(b.id)).toBeGreaterThan(BigInt(a.id));
		expect(BigInt(c.id)).toBeGreaterThan(BigInt(b.id));
		expect(b.phone).toMatch(/^\+447\d{9}$/);
		expect(c.phone).toMatch(/^\+91\d{10}$/);
	});

	test('price_id selects the pair; a foreign or unknown price_id is BAD_ACTION', async () => {
		const prices = JSON.parse((await rv('getPrices')).body);
		const ok = await rv(`getNumber?service=wa&country=usa&price_id=${encodeURIComponent(prices.usa.wa.price_id)}`);
		expect(ok.body).toMatch(/^ACCESS_NUMBER:/);
		for (const priceId of [prices.usa.tg.price_id, 'MTo-unknown']) {
			const r = await rv(`getNumber?service=wa&country=usa&price_id=${encodeURIComponent(priceId)}`);
			expect([r.status, r.body]).toEqual([400, 'BAD_ACTION']);
		}
		expect(sim.rentVerify.balance()).toBe(24.3);
	});

	test('errors: BAD_ACTION, NO_NUMBERS, NO_BALANCE — and none of them spends', async () => {
		for (const path of ['getNumber?country=usa', 'getNumber?service=tg', 'getNumber?service=facebook&country=india']) {
			expect(await rv(path)).toMatchObject({ status: 400, body: 'BAD_ACTION' });
		}
		expect(await rv('getNumber?service=facebook&country=england')).toMatchObject({ status: 404, body: 'NO_NUMBERS' });
		sim.rentVerify.setBalance(0.49);
		expect(await rv('getNumber?service=tg&country=usa')).toMatchObject({ status: 402, body: 'NO_BALANCE' });
		expect(sim.rentVerify.balance()).toBe(0.49);
		expect(sim.purchases('rentVerify')).toBe(0);
	});

	test('a balance spent to exactly zero, in cents without floating-point dust', async () => {
		sim.rentVerify.setBalance(0.3);
		await buy('wa', 'india');
		expect((await rv('getBalance')).body).toBe('ACCESS_BALANCE:0.00');
		sim.rentVerify.setBalance(0.3);
		sim.rentVerify.setPrice('india', 'tg', { price: 0.1 });
		await buy('tg', 'india');
		await buy('tg', 'india');
		await buy('tg', 'india');
		expect(sim.rentVerify.balance()).toBe(0);
	});

	test('cancel refunds the cost minus $0.10 and answers STATUS_CANCEL afterwards', async () => {
		const { id } = await buy('wa', 'usa');
		expect(await rv(`setStatus?id=${id}&status=8`)).toMatchObject({ status: 200, body: 'ACCESS_CANCEL' });
		expect((await rv('getBalance')).body).toBe('ACCESS_BALANCE:25.40');
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_CANCEL');
		expect(await rv(`setStatus?id=${id}&status=8`)).toMatchObject({ status: 400, body: 'BAD_ACTION' });
		expect(sim.rentVerify.activation(id).status).toBe('cancelled');
	});

	test('the refund never goes below zero', async () => {
		sim.rentVerify.setPrice('usa', 'tg', { price: 0.05 });
		const { id } = await buy('tg', 'usa');
		await rv(`setStatus?id=${id}&status=8`);
		expect(sim.rentVerify.balance()).toBe(25.45);
	});

	test('cancel after an SMS is a verbatim 409 sentence and refunds nothing', async () => {
		const { id } = await buy();
		sim.rentVerify.deliverCode(id, '834921');
		const r = await rv(`setStatus?id=${id}&status=8`);
		expect([r.status, r.body]).toEqual([409, 'Cannot cancel: this number has already received an SMS']);
		expect(sim.rentVerify.balance()).toBe(25);
	});

	test('setStatus with another status, a missing or unknown id is BAD_ACTION', async () => {
		const { id } = await buy();
		for (const path of [`setStatus?id=${id}&status=6`, `setStatus?id=${id}`, 'setStatus?status=8', 'setStatus?id=1&status=8']) {
			expect(await rv(path)).toMatchObject({ status: 400, body: 'BAD_ACTION' });
		}
		expect(sim.rentVerify.activation(id).status).toBe('waiting');
	});
});

describe('RentVerify status and codes', () => {
	test('getStatus: wait, then the delivered code; unknown or missing id is BAD_ACTION', async () => {
		const { id } = await buy();
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_WAIT_CODE');
		sim.rentVerify.deliverCode(id, 'AB-12:34');
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_OK:AB-12:34');
		expect(sim.rentVerify.activation(id).polls).toBe(2);
		expect(await rv('getStatus?id=999')).toMatchObject({ status: 400, body: 'BAD_ACTION' });
		expect(await rv('getStatus')).toMatchObject({ status: 400, body: 'BAD_ACTION' });
	});

	test('a retry answers STATUS_WAIT_RETRY with the last code until a new code arrives', async () => {
		const { id } = await buy();
		expect(() => sim.rentVerify.requestRetry(id)).toThrow(/no code/);
		sim.rentVerify.deliverCode(id, '111111');
		sim.rentVerify.requestRetry(id);
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_WAIT_RETRY:111111');
		expect(await rv(`setStatus?id=${id}&status=8`)).toMatchObject({ status: 409 });
		sim.rentVerify.deliverCode(id, '222222');
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_OK:222222');
		expect(sim.rentVerify.activation(id).codes.map((c) => c.code)).toEqual(['111111', '222222']);
	});

	test('scriptCode afterPolls: the first n polls wait, poll n+1 sees the code', async () => {
		const { id } = await buy();
		sim.rentVerify.scriptCode(id, { afterPolls: 2, code: '5150' });
		const bodies = [];
		for (let i = 0; i < 4; i++) bodies.push((await rv(`getStatus?id=${id}`)).body);
		expect(bodies).toEqual(['STATUS_WAIT_CODE', 'STATUS_WAIT_CODE', 'STATUS_OK:5150', 'STATUS_OK:5150']);
	});

	test('scriptCode atMs lands at that clock time', async () => {
		const { id } = await buy();
		const at = sim.now() + 60_000;
		sim.rentVerify.scriptCode(id, { atMs: at, code: '777777' });
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_WAIT_CODE');
		sim.advanceTime(61_000);
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_OK:777777');
		expect(sim.rentVerify.activation(id).codes).toEqual([{ code: '777777', at }]);
	});

	test('a script needs exactly one trigger, and closed activations take no code', async () => {
		const { id } = await buy();
		expect(() => sim.rentVerify.scriptCode(id, {} as never)).toThrow(/exactly one/);
		await rv(`setStatus?id=${id}&status=8`);
		expect(() => sim.rentVerify.deliverCode(id, '1')).toThrow(/cancelled/);
		expect(() => sim.rentVerify.activation('42')).toThrow(/no RentVerify activation/);
	});

	test('autoDeliver gives a random 6-digit code after that many polls', async () => {
		const auto = await startSimulator({ autoDeliver: { afterPolls: 1 } });
		try {
			const get = async (path: string) =>
				(await fetch(`${auto.rentVerifyUrl}/${path}`, { headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN } })).text();
			const id = (await get('getNumber?service=tg&country=usa')).split(':')[1];
			expect(await get(`getStatus?id=${id}`)).toBe('STATUS_WAIT_CODE');
			expect(await get(`getStatus?id=${id}`)).toMatch(/^STATUS_OK:\d{6}$/);
		} finally {
			await auto.close();
		}
	});

	test('the same seed gives the same ids, phones and codes', async () => {
		const run = async () => {
			const s = await startSimulator({ seed: 7, autoDeliver: { afterPolls: 0 } });
			try {
				const get = async (path: string) =>
					(await fetch(`${s.rentVerifyUrl}/${path}`, { headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN } })).text();
				const bought = await get('getNumber?service=tg&country=usa');
				return [bought, await get(`getStatus?id=${bought.split(':')[1]}`)];
			} finally {
				await s.close();
			}
		};
		expect(await run()).toEqual(await run());
	});

	test('expiry after 20 minutes: STATUS_CANCEL, no refund, off the active list', async () => {
		const { id } = await buy();
		sim.rentVerify.scriptCode(id, { atMs: sim.now() + 21 * 60_000, code: 'late' });
		sim.advanceTime(20 * 60_000);
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_CANCEL');
		expect(sim.rentVerify.activation(id).status).toBe('expired');
		expect(JSON.parse((await rv('getActiveActivations')).body)).toEqual([]);
		expect(await rv(`setStatus?id=${id}&status=8`)).toMatchObject({ status: 400, body: 'BAD_ACTION' });
		expect(sim.rentVerify.balance()).toBe(25);
		sim.advanceTime(2 * 60_000);
		expect(sim.rentVerify.activation(id).codes).toEqual([]);
	});

	test('an activation with a code finishes at expiry and keeps answering its code', async () => {
		const { id } = await buy();
		sim.rentVerify.deliverCode(id, '424242');
		sim.advanceTime(20 * 60_000);
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_OK:424242');
		expect(sim.rentVerify.activation(id)).toMatchObject({ status: 'received', finished: true });
	});

	test('activationLifetimeMs and finishAfterCodeMs options', async () => {
		const s = await startSimulator({ activationLifetimeMs: 60_000, finishAfterCodeMs: 5_000 });
		try {
			const get = async (path: string) =>
				(await fetch(`${s.rentVerifyUrl}/${path}`, { headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN } })).text();
			const a = (await get('getNumber?service=tg&country=usa')).split(':')[1];
			const b = (await get('getNumber?service=tg&country=usa')).split(':')[1];
			expect(s.rentVerify.activation(a).expiresAt - s.rentVerify.activation(a).createdAt).toBe(60_000);
			s.rentVerify.deliverCode(a, '9');
			s.advanceTime(5_000);
			expect(JSON.parse(await get('getActiveActivations')).map((x: { id: number }) => String(x.id))).toEqual([b]);
			expect(await get(`getStatus?id=${a}`)).toBe('STATUS_OK:9');
		} finally {
			await s.close();
		}
	});
});

describe('RentVerify active list', () => {
	test('lists open activations in the page format; finish() removes one while getStatus keeps its answer', async () => {
		const a = await buy('tg', 'usa');
		const b = await buy('wa', 'england');
		const c = await buy('wa', 'india');
		sim.rentVerify.deliverCode(b.id, '1234');
		await rv(`setStatus?id=${c.id}&status=8`);
		const list = JSON.parse((await rv('getActiveActivations')).body);
		expect(list).toHaveLength(2);
		expect(list[0]).toEqual({
			id: Number(a.id),
			number: a.phone,
			service: 'tg',
			country: 'usa',
			status: 'active',
			cost: 0.5,
			expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
			created_at: new Date(sim.rentVerify.activation(a.id).createdAt).toISOString().slice(0, 19),
		});
		expect(list[1]).toMatchObject({ id: Number(b.id), status: 'received', cost: 0.9 });

		sim.rentVerify.finish(b.id);
		expect(JSON.parse((await rv('getActiveActivations')).body).map((x: { id: number }) => x.id)).toEqual([Number(a.id)]);
		expect((await rv(`getStatus?id=${b.id}`)).body).toBe('STATUS_OK:1234');
		expect(sim.rentVerify.activations().map((x) => x.id)).toEqual([a.id, b.id, c.id]);
	});
});

describe('RentVerify sms-activate URL style', () => {
	test('handler_api.php answers the same words with api_key and action', async () => {
		const stub = async (query: string) => answer(await fetch(`${sim.rentVerifyStubUrl}?${query}`));
		expect((await stub(`api_key=${DEMO_RENTVERIFY_TOKEN}&action=getBalance`)).body).toBe('ACCESS_BALANCE:25.50');
		const bought = await stub(`api_key=${DEMO_RENTVERIFY_TOKEN}&action=getNumber&service=tg&country=usa`);
		const id = bought.body.split(':')[1];
		expect((await stub(`api_key=${DEMO_RENTVERIFY_TOKEN}&action=getStatus&id=${id}`)).body).toBe('STATUS_WAIT_CODE');
		expect((await stub(`api_key=${DEMO_RENTVERIFY_TOKEN}&action=setStatus&id=${id}&status=8`)).body).toBe('ACCESS_CANCEL');
		expect(await stub(`api_key=${DEMO_RENTVERIFY_TOKEN}&action=nope`)).toMatchObject({ status: 400, body: 'BAD_ACTION' });
		expect(await stub('action=getBalance')).toMatchObject({ status: 401, body: 'BAD_KEY' });
		expect(sim.count('rentVerify', 'getNumber')).toBe(1);
		expect(JSON.stringify(sim.requests)).not.toContain(DEMO_RENTVERIFY_TOKEN);
		expect(sim.requests[1].query).toEqual({ service: 'tg', country: 'usa' });
	});
});

describe('OTPVerified', () => {
	test('wrong or missing key is 401 Unauthorized; unknown route is 404', async () => {
		const wrong = await otp('GET', 'rental-services', undefined, 'otpv_wrong');
		expect([wrong.status, wrong.json]).toEqual([401, { statusCode: 401, message: 'Unauthorized', success: false }]);
		const missing = await fetch(`${sim.otpVerifiedUrl}/users/rental-services`);
		expect(missing.status).toBe(401);
		await missing.text();
		const unknown = await otp('GET', 'renew-rental');
		expect(unknown.json).toMatchObject({ statusCode: 404, success: false });
		expect((await otp('GET', 'request-rental')).status).toBe(404);
	});

	test('rental-services carries pricing as strings, and one service without short durations', async () => {
		const { status, json } = await otp('GET', 'rental-services');
		expect(status).toBe(200);
		expect(json).toMatchObject({ statusCode: 200, message: 'Services retrieved successfully', success: true });
		const byName = Object.fromEntries(json.data.map((s: { serviceName: string }) => [s.serviceName, s]));
		expect(Object.keys(byName)).toEqual(expect.arrayContaining(['Google', 'Telegram', 'WhatsApp']));
		expect(byName.Google).toMatchObject({
			serviceId: '1fe58df2',
			price: '3.46',
			discountedPrice: '3.11',
			areaCodeSurcharge: '2.50',
			durationPrices: expect.objectContaining({ oneDay: '3.46' }),
		});
		const short = json.data.filter((s: { supportedDurations: string[] }) => !s.supportedDurations.includes('oneDay'));
		expect(short.length).toBeGreaterThan(0);
		expect(short[0].supportedDurations).not.toContain('threeDay');
	});

	test('request-rental spends, answers 201 in the page format; areas add $2.50', async () => {
		const start = sim.now();
		const plain = await otp('POST', 'request-rental', { serviceId: '1fe58df2', duration: 'threeDay' });
		expect(plain.status).toBe(201);
		expect(plain.json).toMatchObject({ statusCode: 201, message: 'Order Confirmed!', success: true });
		const d = plain.json.data;
		expect(d).toMatchObject({ serviceName: 'Google', areas: null, duration: 3, price: '5.19', status: 'reserved' });
		expect(d.orderId).toMatch(/^\d+$/);
		expect(d.number).toMatch(/^1\d{10}$/);
		expect(d.purchased).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect(Date.parse(`${d.expires.replace(' ', 'T')}Z`) - Date.parse(`${d.purchased.replace(' ', 'T')}Z`)).toBe(3 * 86_400_000);
		expect(Math.abs(Date.parse(`${d.purchased.replace(' ', 'T')}Z`) - start)).toBeLessThan(2000);

		const withArea = await rent({ serviceId: '1fe58df2', duration: 'oneDay', areas: '503' });
		expect(withArea).toMatchObject({ price: '5.96', duration: 1, areas: '503' });
		expect(withArea.number).toMatch(/^1503\d{7}$/);
		expect(sim.otpVerified.balance()).toBe(50 - 5.19 - 5.96);
		expect(sim.purchases('otpVerified')).toBe(2);
		expect(sim.otpVerified.rental(withArea.orderId)).toMatchObject({ status: 'reserved', duration: 'oneDay', days: 1 });
	});

	test('request-rental errors are 400/402 with a message, and spend nothing', async () => {
		const cases: Array<[unknown, number, RegExp]> = [
			[{ duration: 'oneDay' }, 400, /serviceId/],
			[{ serviceId: '1fe58df2' }, 400, /duration/],
			[{ serviceId: '1fe58df2', duration: 'twoDay' }, 400, /Invalid duration/],
			[{ serviceId: 'ffffffff', duration: 'oneDay' }, 400, /Service not found/],
			[{ serviceId: 'a7d4c2e9', duration: 'threeDay' }, 400, /do not support threeDay/],
			[{ serviceId: '1fe58df2', duration: 'oneDay', areas: 'NYC' }, 400, /area code/],
			['not json', 400, /JSON/],
		];
		for (const [body, status, message] of cases) {
			const r = await otp('POST', 'request-rental', body);
			expect([r.status, r.json.statusCode, r.json.success]).toEqual([status, status, false]);
			expect(r.json.message).toMatch(message);
		}
		sim.otpVerified.setBalance(3.45);
		const poor = await otp('POST', 'request-rental', { serviceId: '1fe58df2', duration: 'oneDay' });
		expect([poor.status, poor.json.success]).toEqual([402, false]);
		expect(sim.otpVerified.balance()).toBe(3.45);
		expect(sim.purchases('otpVerified')).toBe(0);
	});

	test('rental-messages: oldest first, in the page format; polls counted; errors', async () => {
		const { orderId, number } = await rent();
		expect((await otp('GET', `rental-messages?orderId=${orderId}`)).json.data).toEqual({ messages: [] });
		const second = sim.otpVerified.addMessage(orderId, { pin: 'G-222222' });
		const first = sim.otpVerified.addMessage(orderId, { sender: 'Google', message: 'G-111111 is your code', at: sim.now() - 60_000 });
		const r = await otp('GET', `rental-messages?orderId=${orderId}`);
		expect(r.json).toMatchObject({ statusCode: 200, message: 'Rental Messages retrieved successfully', success: true });
		expect(r.json.data.messages).toEqual([first, second]);
		expect(second).toEqual({
			id: expect.stringMatching(/^[0-9a-f]{8}$/),
			orderId,
			timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d E[SD]T$/),
			service: 'Google',
			sender: '22000',
			number,
			message: 'G-222222 is your Google verification code.',
			pin: 'G-222222',
		});
		expect(first.pin).toBe('G-111111');
		expect(sim.otpVerified.addMessage(orderId, { message: 'Welcome aboard!' }).pin).toBeNull();
		expect(sim.otpVerified.rental(orderId).polls).toBe(2);

		expect(await otp('GET', 'rental-messages?orderId=1')).toMatchObject({ status: 404, json: { message: 'Order not found', success: false } });
		expect(await otp('GET', 'rental-messages')).toMatchObject({ status: 400, json: { success: false } });
	});

	test('message timestamps are US Eastern with EDT in summer and EST in winter', async () => {
		const { orderId } = await rent();
		const summer = sim.otpVerified.addMessage(orderId, { at: Date.UTC(2025, 6, 11, 17, 50, 49) });
		const winter = sim.otpVerified.addMessage(orderId, { at: Date.UTC(2025, 0, 15, 12, 0, 0) });
		// 2025: EDT from Sunday 9 March 07:00 UTC to Sunday 2 November 06:00 UTC.
		const beforeSpring = sim.otpVerified.addMessage(orderId, { at: Date.UTC(2025, 2, 9, 6, 59, 59) });
		const afterSpring = sim.otpVerified.addMessage(orderId, { at: Date.UTC(2025, 2, 9, 7, 0, 0) });
		const beforeFall = sim.otpVerified.addMessage(orderId, { at: Date.UTC(2025, 10, 2, 5, 59, 59) });
		const afterFall = sim.otpVerified.addMessage(orderId, { at: Date.UTC(2025, 10, 2, 6, 0, 0) });
		expect(summer.timestamp).toBe('2025-07-11 13:50:49 EDT');
		expect(winter.timestamp).toBe('2025-01-15 07:00:00 EST');
		expect(beforeSpring.timestamp).toBe('2025-03-09 01:59:59 EST');
		expect(afterSpring.timestamp).toBe('2025-03-09 03:00:00 EDT');
		expect(beforeFall.timestamp).toBe('2025-11-02 01:59:59 EDT');
		expect(afterFall.timestamp).toBe('2025-11-02 01:00:00 EST');
	});

	test('scriptMessage (polls and time) and autoDeliver for rentals', async () => {
		const { orderId } = await rent({ serviceId: '3c9a0e41', duration: 'oneDay' });
		sim.otpVerified.scriptMessage(orderId, { afterPolls: 1 });
		sim.otpVerified.scriptMessage(orderId, { atMs: sim.now() + 3_600_000, pin: '999-999' });
		const count = async () => (await otp('GET', `rental-messages?orderId=${orderId}`)).json.data.messages.length;
		expect(await count()).toBe(0);
		expect(await count()).toBe(1);
		expect(sim.otpVerified.rental(orderId).messages[0].pin).toMatch(/^\d{3}-\d{3}$/);
		sim.advanceTime(3_600_000);
		expect(await count()).toBe(2);
		expect(sim.otpVerified.rental(orderId).messages[1].message).toContain('999-999');

		const auto = await startSimulator({ autoDeliver: { afterPolls: 0 } });
		try {
			const headers = { authorization: `Bearer ${DEMO_OTPVERIFIED_TOKEN}`, 'content-type': 'application/json' };
			const rented = await fetch(`${auto.otpVerifiedUrl}/users/request-rental`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ serviceId: '1fe58df2', duration: 'oneDay' }),
			});
			const id = ((await rented.json()) as { data: { orderId: string } }).data.orderId;
			const messages = await fetch(`${auto.otpVerifiedUrl}/users/rental-messages?orderId=${id}`, { headers });
			const body = (await messages.json()) as { data: { messages: Array<{ pin: string; message: string }> } };
			expect(body.data.messages[0].pin).toMatch(/^G-\d{6}$/);
			expect(body.data.messages[0].message).toBe(`${body.data.messages[0].pin} is your Google verification code.`);
		} finally {
			await auto.close();
		}
	});

	test('release-rental: released once, then 400; unknown 404; expiry', async () => {
		const { orderId } = await rent();
		const released = await otp('POST', 'release-rental', { orderId });
		expect([released.status, released.json]).toEqual([200, { statusCode: 200, message: 'Number successfully released', success: true }]);
		expect(await otp('POST', 'release-rental', { orderId })).toMatchObject({ status: 400, json: { message: 'Rental already released' } });
		expect(await otp('POST', 'release-rental', { orderId: '1' })).toMatchObject({ status: 404, json: { message: 'Order not found' } });
		expect(await otp('POST', 'release-rental', {})).toMatchObject({ status: 400, json: { success: false } });
		expect(() => sim.otpVerified.addMessage(orderId)).toThrow(/released/);
		expect(sim.otpVerified.rental(orderId).status).toBe('released');

		const other = await rent();
		sim.advanceTime(86_400_000);
		expect(sim.otpVerified.rental(other.orderId).status).toBe('expired');
		expect(await otp('POST', 'release-rental', { orderId: other.orderId })).toMatchObject({ status: 400 });
	});
});

describe('faults', () => {
	test('status, html, empty, word, rateLimit, errorSql answer without acting', async () => {
		sim.fault('rentVerify', 'getNumber', { kind: 'status', status: 503 });
		sim.fault('rentVerify', 'getNumber', { kind: 'html' });
		sim.fault('rentVerify', 'getNumber', { kind: 'empty' });
		sim.fault('rentVerify', 'getNumber', { kind: 'word', body: '{"status":"error","error":"NO_NUMBERS"}' });
		sim.fault('rentVerify', 'getNumber', { kind: 'rateLimit' });
		sim.fault('rentVerify', 'getNumber', { kind: 'errorSql' });
		const answers = [];
		for (let i = 0; i < 6; i++) answers.push(await rv('getNumber?service=tg&country=usa'));
		expect(answers.map((a) => a.status)).toEqual([503, 502, 200, 200, 429, 200]);
		expect(answers[0].body).toBe('Service Unavailable');
		expect(answers[1].type).toMatch(/^text\/html/);
		expect(answers[1].body).toContain('<center>nginx</center>');
		expect(answers[2].body).toBe('');
		expect(answers[3].type).toMatch(/^application\/json/);
		expect(answers[4].headers.get('retry-after')).toBe('1');
		expect(answers[5].body).toBe('ERROR_SQL');
		expect(sim.purchases('rentVerify')).toBe(0);
		expect(sim.rentVerify.balance()).toBe(25.5);
		expect((await rv('getNumber?service=tg&country=usa')).body).toMatch(/^ACCESS_NUMBER:/);
	});

	test('word fault with a status, and status fault with a body', async () => {
		const { id } = await buy();
		sim.fault('rentVerify', 'getStatus', { kind: 'word', body: '"STATUS_OK:123"\n' });
		sim.fault('rentVerify', 'getStatus', { kind: 'word', body: 'BANNED:2026-01-01 10:00:00', status: 403 });
		sim.fault('rentVerify', 'getStatus', { kind: 'status', status: 500, body: 'upstream exploded' });
		expect((await rv(`getStatus?id=${id}`)).body).toBe('"STATUS_OK:123"\n');
		expect(await rv(`getStatus?id=${id}`)).toMatchObject({ status: 403, body: 'BANNED:2026-01-01 10:00:00' });
		expect(await rv(`getStatus?id=${id}`)).toMatchObject({ status: 500, body: 'upstream exploded' });
		expect(sim.rentVerify.activation(id).polls).toBe(0);
	});

	test('OTPVerified faults answer in its JSON style', async () => {
		sim.fault('otpVerified', 'request-rental', { kind: 'rateLimit' });
		sim.fault('otpVerified', 'request-rental', { kind: 'status', status: 502 });
		const limited = await otp('POST', 'request-rental', { serviceId: '1fe58df2', duration: 'oneDay' });
		expect([limited.status, limited.json.success, limited.headers.get('retry-after')]).toEqual([429, false, '1']);
		const bad = await otp('POST', 'request-rental', { serviceId: '1fe58df2', duration: 'oneDay' });
		expect(bad.json).toEqual({ statusCode: 502, message: 'Bad Gateway', success: false });
		expect(sim.purchases('otpVerified')).toBe(0);
		expect(() => sim.fault('otpVerified', 'request-rental', { kind: 'errorSql' })).toThrow(/RentVerify only/);
	});

	test('times repeats a fault; faults are consumed in order; clearFaults drops them', async () => {
		sim.fault('rentVerify', 'getBalance', { kind: 'status', status: 500, times: 2 });
		sim.fault('rentVerify', 'getBalance', { kind: 'errorSql' });
		sim.fault('rentVerify', 'getCountries', { kind: 'empty' });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await rv('getBalance')).body);
		expect(statuses).toEqual(['Internal Server Error', 'Internal Server Error', 'ERROR_SQL', 'ACCESS_BALANCE:25.50']);
		expect(sim.state().faults).toHaveLength(1);
		sim.clearFaults();
		expect((await rv('getCountries')).body).not.toBe('');
		expect(() => sim.fault('rentVerify', 'getBalance', { kind: 'explode' } as never)).toThrow(/kind/);
		expect(() => sim.fault('rentVerify', 'getBalance', { kind: 'status', status: 200 })).toThrow(/5xx/);
	});

	test('resetBefore drops the connection without acting', async () => {
		sim.fault('rentVerify', 'getNumber', { kind: 'resetBefore' });
		await expect(rv('getNumber?service=tg&country=usa')).rejects.toThrow();
		expect(sim.purchases('rentVerify')).toBe(0);
		expect(sim.rentVerify.balance()).toBe(25.5);
		expect(sim.requests[0]).toMatchObject({ route: 'getNumber', status: null, outcome: 'reset-before' });
	});

	test('resetAfter spends the money and then drops the connection', async () => {
		sim.fault('rentVerify', 'getNumber', { kind: 'resetAfter' });
		await expect(rv('getNumber?service=tg&country=usa')).rejects.toThrow();
		expect(sim.purchases('rentVerify')).toBe(1);
		expect(sim.rentVerify.balance()).toBe(25);
		expect(sim.rentVerify.activations()).toHaveLength(1);
		expect(sim.requests[0]).toMatchObject({ status: null, outcome: 'reset-after' });

		sim.fault('otpVerified', 'request-rental', { kind: 'resetAfter' });
		await expect(otp('POST', 'request-rental', { serviceId: '1fe58df2', duration: 'oneDay' })).rejects.toThrow();
		expect(sim.purchases('otpVerified')).toBe(1);
		expect(sim.otpVerified.balance()).toBe(46.54);
	});

	test('latency delays the answer: a later request is answered first, then the delayed one, as usual', async () => {
		sim.fault('rentVerify', 'getBalance', { kind: 'latency', ms: 400 });
		const delayed = rv('getBalance');
		await arrived(1);
		expect((await rv('getPrices?country=usa&service=tg')).status).toBe(200);
		// Answered in order of what the simulator holds back, not of arrival (no clock read here).
		expect(sim.requests[0]).toMatchObject({ route: 'getBalance', status: null, outcome: null });
		expect((await delayed).body).toBe('ACCESS_BALANCE:25.50');
		expect(sim.requests[0]).toMatchObject({ status: 200, outcome: 'answered' });
	});

	test('a client that gives up during latency: the purchase still happens, the outcome is timeout', async () => {
		sim.fault('rentVerify', 'getNumber', { kind: 'latency', ms: 200 });
		await expect(
			fetch(`${sim.rentVerifyUrl}/getNumber?service=tg&country=usa`, {
				headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN },
				signal: AbortSignal.timeout(50),
			}),
		).rejects.toThrow();
		expect((await settledOutcome(1)).outcome).toBe('timeout');
		await new Promise((r) => setTimeout(r, 250));
		expect(sim.purchases('rentVerify')).toBe(1);
		expect(sim.requests[0].status).toBeNull();
	});

	test('hang never answers; the outcome is timeout once the client gives up', async () => {
		sim.fault('otpVerified', 'request-rental', { kind: 'hang' });
		await expect(
			fetch(`${sim.otpVerifiedUrl}/users/request-rental`, {
				method: 'POST',
				headers: { authorization: `Bearer ${DEMO_OTPVERIFIED_TOKEN}`, 'content-type': 'application/json' },
				body: JSON.stringify({ serviceId: '1fe58df2', duration: 'oneDay' }),
				signal: AbortSignal.timeout(100),
			}),
		).rejects.toThrow();
		expect(await settledOutcome(1)).toMatchObject({ route: 'request-rental', status: null, outcome: 'timeout' });
		expect(sim.purchases('otpVerified')).toBe(0);
	});

	test('close() ends a hanging request at once', async () => {
		const s = await startSimulator();
		s.fault('rentVerify', 'getBalance', { kind: 'hang' });
		const pending = fetch(`${s.rentVerifyUrl}/getBalance`, { headers: { 'X-API-Token': DEMO_RENTVERIFY_TOKEN } });
		for (let i = 0; i < 100 && s.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
		expect(s.requests[0]).toMatchObject({ route: 'getBalance', status: null, outcome: null });
		// A request that hangs never ends by itself and would hold the server open for ever: close() returning
		// at all (within the test's time limit) shows it ended that connection instead of waiting for it.
		await s.close();
		await expect(pending).rejects.toThrow();
		expect(s.requests[0]).toMatchObject({ status: null, outcome: 'timeout' });
	});
});

describe('request log', () => {
	test('records every request without tokens; count and purchases', async () => {
		const before = sim.now();
		await rv('getBalance');
		const after = sim.now();
		await rv('getBalance', {});
		const { id } = await buy();
		await rv(`getStatus?id=${id}`);
		await otp('POST', 'request-rental', { serviceId: '1fe58df2', duration: 'oneDay' });
		expect(sim.requests.map((r) => [r.seq, r.provider, r.route, r.status, r.outcome])).toEqual([
			[1, 'rentVerify', 'getBalance', 200, 'answered'],
			[2, 'rentVerify', 'getBalance', 401, 'answered'],
			[3, 'rentVerify', 'getNumber', 200, 'answered'],
			[4, 'rentVerify', 'getStatus', 200, 'answered'],
			[5, 'otpVerified', 'request-rental', 201, 'answered'],
		]);
		expect(sim.requests[2]).toMatchObject({
			method: 'GET',
			path: '/rentverify/api/v1/getNumber',
			query: { service: 'tg', country: 'usa' },
			body: null,
		});
		expect(sim.requests[4]).toMatchObject({ method: 'POST', body: { serviceId: '1fe58df2', duration: 'oneDay' } });
		// `at` is the simulator clock when the request arrived: between the clock before it was sent and after its answer.
		expect(sim.requests[0].at).toBeGreaterThanOrEqual(before);
		expect(sim.requests[0].at).toBeLessThanOrEqual(after);
		const logged = JSON.stringify(sim.requests);
		expect(logged).not.toContain(DEMO_RENTVERIFY_TOKEN);
		expect(logged).not.toContain(DEMO_OTPVERIFIED_TOKEN);
		expect(sim.count('rentVerify', 'getBalance')).toBe(2);
		expect(sim.count('otpVerified', 'request-rental')).toBe(1);
		expect(sim.purchases('rentVerify')).toBe(1);
		expect(sim.purchases('otpVerified')).toBe(1);
	});

	test('reset empties everything and restores the initial state', async () => {
		await buy();
		await rent();
		sim.rentVerify.setPrice('usa', 'tg', { price: 9 });
		sim.fault('rentVerify', 'getBalance', { kind: 'empty' });
		sim.advanceTime(3_600_000);
		sim.reset();
		expect(sim.requests).toEqual([]);
		expect(sim.state()).toMatchObject({
			rentVerify: { balance: 25.5, activations: [] },
			otpVerified: { balance: 50, rentals: [] },
			faults: [],
		});
		// The clock is real time again (the hour advanced is gone): read between two readings of the wall clock.
		const wallBefore = Date.now();
		const simNow = sim.now();
		const wallAfter = Date.now();
		expect(simNow).toBeGreaterThanOrEqual(wallBefore);
		expect(simNow).toBeLessThanOrEqual(wallAfter);
		expect((await rv('getBalance')).body).toBe('ACCESS_BALANCE:25.50');
		expect(JSON.parse((await rv('getPrices')).body).usa.tg.price).toBe(0.5);
		expect((await buy()).id).toBe('5640086027');
	});
});

describe('clock', () => {
	test('advanceTime moves now(); startTime pins the start', async () => {
		const before = sim.now();
		sim.advanceTime(10_000);
		expect(sim.now() - before).toBeGreaterThanOrEqual(10_000);
		expect(() => sim.advanceTime(-1)).toThrow();
		const start = Date.UTC(2025, 0, 15, 12);
		const s = await startSimulator({ startTime: start });
		try {
			expect(Math.abs(s.now() - start)).toBeLessThan(1000);
		} finally {
			await s.close();
		}
	});
});

describe('control API', () => {
	test('state and requests', async () => {
		const { id } = await buy();
		const state = await control('GET', 'state');
		expect(state.status).toBe(200);
		expect(state.json.rentVerify.activations[0]).toMatchObject({ id, status: 'waiting' });
		expect(state.json.otpVerified.balance).toBe(50);
		const requests = await control('GET', 'requests');
		expect(requests.json).toHaveLength(1);
		expect(requests.json[0].route).toBe('getNumber');
	});

	test('code, retry and finish for RentVerify activations', async () => {
		const { id } = await buy();
		expect((await control('POST', `rentverify/activations/${id}/code`, { code: '123456' })).json.status).toBe('received');
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_OK:123456');
		await control('POST', `rentverify/activations/${id}/retry`);
		expect((await rv(`getStatus?id=${id}`)).body).toBe('STATUS_WAIT_RETRY:123456');
		const random = await control('POST', `rentverify/activations/${id}/code`);
		expect(random.json.codes[1].code).toMatch(/^\d{6}$/);
		expect((await control('POST', `rentverify/activations/${id}/finish`)).json.finished).toBe(true);
		expect(await control('POST', `rentverify/activations/${id}/code`, { code: '1' })).toMatchObject({ status: 409 });
		expect(await control('POST', 'rentverify/activations/1/code', {})).toMatchObject({ status: 404 });
	});

	test('messages, balances, faults, advance and reset', async () => {
		const { orderId } = await rent();
		const message = await control('POST', `otpverified/rentals/${orderId}/messages`, { pin: 'G-123456' });
		expect(message.json).toMatchObject({ orderId, pin: 'G-123456' });
		expect((await otp('GET', `rental-messages?orderId=${orderId}`)).json.data.messages).toHaveLength(1);

		expect((await control('POST', 'rentverify/balance', { balance: 1.5 })).json).toEqual({ balance: 1.5 });
		expect((await rv('getBalance')).body).toBe('ACCESS_BALANCE:1.50');
		expect((await control('POST', 'otpverified/balance', { balance: 7 })).json).toEqual({ balance: 7 });

		const fault = await control('POST', 'faults', { provider: 'rentverify', route: 'getBalance', kind: 'errorSql' });
		expect(fault.json.faults).toEqual([expect.objectContaining({ provider: 'rentVerify', kind: 'errorSql', remaining: 1 })]);
		expect(await control('POST', 'faults', { provider: 'rentVerify', route: 'getBalance', kind: 'nope' })).toMatchObject({ status: 400 });
		expect((await control('DELETE', 'faults')).json).toEqual({ faults: [] });
		expect((await rv('getBalance')).body).toBe('ACCESS_BALANCE:1.50');

		const before = sim.now();
		expect((await control('POST', 'advance', { ms: 86_400_000 })).json.now).toBeGreaterThanOrEqual(before + 86_400_000);
		expect(sim.otpVerified.rental(orderId).status).toBe('expired');
		expect(await control('POST', 'advance', { ms: 'soon' })).toMatchObject({ status: 400 });

		expect((await control('POST', 'reset')).json).toEqual({ ok: true });
		expect(sim.otpVerified.rentals()).toEqual([]);
	});

	test('bad bodies and unknown routes; control requests are not logged', async () => {
		const bad = await fetch(`${sim.url}/__sim/advance`, { method: 'POST', body: '{' });
		expect(bad.status).toBe(400);
		await bad.text();
		expect(await control('GET', 'nothing')).toMatchObject({ status: 404 });
		expect(sim.requests).toEqual([]);
	});

	test('faults do not apply to the control API', async () => {
		sim.fault('rentVerify', 'state', { kind: 'hang' });
		expect((await control('GET', 'state')).status).toBe(200);
	});
});
