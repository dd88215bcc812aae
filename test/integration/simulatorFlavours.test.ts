// The simulator's sms-activate family flavours, over real HTTP with plain fetch: each server's documented
// action set and shapes (docs/research/sms-activate-family.md), the money ledger, setStatus, faults on
// flavour routes, webhook push with retries, and the control API.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	DEMO_FLAVOUR_KEYS,
	DEMO_RENTVERIFY_TOKEN,
	FLAVOURS,
	startSimulator,
	type Flavour,
	type Simulator,
	type WebhookFlavour,
} from '../simulator';

import { answer, useSimulator, type Answer } from './simulatorHttp';

let sim: Simulator;
const { control } = useSimulator((started) => (sim = started));

/** One handler_api.php call: `query` without the key, which is the flavour's demo key unless given. */
async function api(flavour: Flavour, query: string, key: string | null = DEMO_FLAVOUR_KEYS[flavour], init?: RequestInit): Promise<Answer> {
	const withKey = key === null ? query : `${query}&api_key=${encodeURIComponent(key)}`;
	return answer(await fetch(`${sim.flavourUrl(flavour)}?${withKey}`, init));
}

const parsed = (answer: Answer) => JSON.parse(answer.body);

async function balance(flavour: Flavour): Promise<number> {
	const { body } = await api(flavour, 'action=getBalance');
	expect(body).toMatch(/^ACCESS_BALANCE:\d+(\.\d+)?$/);
	return Number(body.split(':')[1]);
}

async function buy(flavour: Flavour, service = 'tg', country = 2): Promise<{ id: string; phone: string }> {
	const { status, body } = await api(flavour, `action=getNumber&service=${service}&country=${country}`);
	expect([status, body]).toEqual([200, expect.stringMatching(/^ACCESS_NUMBER:\d+:\d+$/)]);
	const [, id, phone] = body.split(':');
	return { id, phone };
}

const CORE = ['getBalance', 'getNumber', 'getStatus', 'setStatus'];
/** What each flavour answers (docs/research/sms-activate-family.md, one section each). */
const DOCUMENTED: Record<Flavour, string[]> = {
	smsActivate: [...CORE, 'getNumberV2', 'getStatusV2', 'getPrices', 'getCountries', 'getActiveActivations', 'getNumbersStatus'],
	heroSms: [
		...CORE,
		'getNumberV2',
		'getStatusV2',
		'finishActivation',
		'cancelActivation',
		'getPrices',
		'getCountries',
		'getActiveActivations',
		'getNumbersStatus',
		'getServicesList',
		'getOperators',
	],
	grizzlySms: [...CORE, 'getNumberV2'],
	smsHub: CORE,
	smsBower: [...CORE, 'getNumberV2', 'getPrices', 'getPricesV2', 'getPricesV3', 'getCountries'],
	sms365: [...CORE, 'getNumbersStatus'],
	smsMan: [...CORE, 'getPrices'],
	smsOnline: [...CORE, 'getPrices', 'getActiveActivations'],
	onlinesim: CORE,
};
const PROBES = [
	'getNumberV2',
	'getStatusV2',
	'getPrices',
	'getPricesV2',
	'getPricesV3',
	'getCountries',
	'getActiveActivations',
	'getNumbersStatus',
	'finishActivation',
	'cancelActivation',
	'getServicesList',
	'getOperators',
	'getServices',
	'getRentNumber',
];
const STATUSES: Record<Flavour, number[]> = {
	smsActivate: [1, 3, 6, 8],
	heroSms: [3, 6, 8],
	grizzlySms: [-1, 1, 3, 6, 8],
	smsHub: [1, 3, 6, 8],
	smsBower: [1, 3, 6, 8],
	sms365: [1, 3, 6, 8],
	smsMan: [1, 3, 6, 8],
	smsOnline: [1, 3, 6, 8],
	onlinesim: [1, 3, 6],
};

/** A text flavour's bare word with 200, or HeroSMS's envelope with its status. */
function expectError(answer: Answer, flavour: Flavour, word: string, heroStatus: number, heroTitle = word) {
	if (flavour === 'heroSms') {
		expect(answer.status).toBe(heroStatus);
		expect(answer.type).toMatch(/^application\/json/);
		expect(parsed(answer)).toEqual({ title: heroTitle, details: expect.any(String), info: expect.any(Object) });
	} else {
		expect([answer.status, answer.body]).toEqual([200, word]);
		expect(answer.type).toMatch(/^text\/plain/);
	}
}

describe('URLs and keys', () => {
	test('each flavour is served at /<flavour>/stubs/handler_api.php, typed and listed', () => {
		expect([...FLAVOURS]).toEqual(['smsActivate', 'heroSms', 'grizzlySms', 'smsHub', 'smsBower', 'sms365', 'smsMan', 'smsOnline', 'onlinesim']);
		for (const f of FLAVOURS) {
			expect(sim.flavours[f].url).toBe(`${sim.url}/${f}/stubs/handler_api.php`);
			expect(sim.flavourUrl(f)).toBe(sim.flavours[f].url);
			expect([...sim.flavours[f].actions].sort()).toEqual([...DOCUMENTED[f]].sort());
			expect(sim.flavours[f].statuses).toEqual(STATUSES[f]);
			expect(DEMO_FLAVOUR_KEYS[f]).toBe(sim.flavours[f].demoKey);
		}
		expect(sim.flavourUrl('HEROSMS' as Flavour)).toBe(sim.flavours.heroSms.url);
		expect(() => sim.flavourUrl('fivesim' as Flavour)).toThrow(/flavour must be one of/);
		expect(new Set(Object.values(DEMO_FLAVOUR_KEYS)).size).toBe(FLAVOURS.length);
	});

	test.each(FLAVOURS)('%s takes its demo key and the RentVerify token; a wrong or missing key is its BAD_KEY', async (f) => {
		expect((await api(f, 'action=getBalance')).body).toMatch(/^ACCESS_BALANCE:25\.50?$/);
		expect((await api(f, 'action=getBalance', DEMO_RENTVERIFY_TOKEN)).body).toMatch(/^ACCESS_BALANCE:/);
		for (const key of ['wrong', null]) expectError(await api(f, 'action=getBalance', key), f, 'BAD_KEY', 401);
		// The key is checked before the action.
		expectError(await api(f, 'action=nope', 'wrong'), f, 'BAD_KEY', 401);
	});

	test('Onlinesim also takes Authorization: Bearer (the only one documented so); the others do not', async () => {
		const bearer = { headers: { authorization: `Bearer ${DEMO_FLAVOUR_KEYS.onlinesim}` } };
		expect((await api('onlinesim', 'action=getBalance', null, bearer)).body).toBe('ACCESS_BALANCE:25.50');
		const smsHub = { headers: { authorization: `Bearer ${DEMO_FLAVOUR_KEYS.smsHub}` } };
		expect((await api('smsHub', 'action=getBalance', null, smsHub)).body).toBe('BAD_KEY');
	});

	test('flavourTokens replaces the accepted keys; each flavour is its own account', async () => {
		const other = await startSimulator({ flavourTokens: ['k1'], flavourBalance: 3 });
		try {
			const get = async (f: Flavour, key: string) => (await fetch(`${other.flavourUrl(f)}?action=getBalance&api_key=${key}`)).text();
			expect(await get('smsHub', 'k1')).toBe('ACCESS_BALANCE:3.00');
			expect(await get('smsHub', DEMO_FLAVOUR_KEYS.smsHub)).toBe('BAD_KEY');
		} finally {
			await other.close();
		}
		await buy('smsHub');
		expect(sim.flavours.smsHub.balance()).toBe(25);
		expect(sim.flavours.sms365.balance()).toBe(25.5);
		expect(sim.purchases('smsHub')).toBe(1);
		expect(sim.purchases('sms365')).toBe(0);
	});
});

describe('round trip: buy → status → code → setStatus, and the ledger', () => {
	test.each(FLAVOURS)('%s', async (f) => {
		expect(await balance(f)).toBe(25.5);
		const { id, phone } = await buy(f, 'tg', 2);
		expect(phone).toMatch(/^77\d{9}$/);
		expect(await balance(f)).toBe(25);
		expect((await api(f, `action=getStatus&id=${id}`)).body).toBe('STATUS_WAIT_CODE');
		sim.flavours[f].deliverCode(id, '54321');
		expect((await api(f, `action=getStatus&id=${id}`)).body).toBe('STATUS_OK:54321');

		// Finish keeps the money.
		expect(await api(f, `action=setStatus&id=${id}&status=6`)).toMatchObject({ status: 200, body: 'ACCESS_ACTIVATION' });
		// sms-activate: STATUS_CANCEL is "canceled or completed"; the others keep answering the code.
		expect((await api(f, `action=getStatus&id=${id}`)).body).toBe(f === 'smsActivate' ? 'STATUS_CANCEL' : 'STATUS_OK:54321');
		expect(sim.flavours[f].activation(id)).toMatchObject({ status: 'finished', cost: 0.5, refunded: 0, polls: 3 });
		expect(await balance(f)).toBe(25);

		// Cancel refunds in full (Onlinesim documents no cancel: its lifetime ending refunds instead).
		const other = await buy(f, 'tg', 2);
		expect(await balance(f)).toBe(24.5);
		const cancel = await api(f, `action=setStatus&id=${other.id}&status=8`);
		if (f === 'onlinesim') {
			expect(cancel.body).toBe('BAD_STATUS');
			sim.advanceTime(20 * 60_000);
			expect(sim.flavours[f].activation(other.id)).toMatchObject({ status: 'expired', refunded: 0.5 });
		} else {
			expect(cancel).toMatchObject({ status: 200, body: 'ACCESS_CANCEL' });
			expect(sim.flavours[f].activation(other.id)).toMatchObject({ status: 'cancelled', refunded: 0.5 });
		}
		expect((await api(f, `action=getStatus&id=${other.id}`)).body).toBe('STATUS_CANCEL');
		expect(await balance(f)).toBe(25);
		expect(sim.purchases(f)).toBe(2);
		expect(sim.count(f, 'getNumber')).toBe(2);
	});

	test('an activation with a code that reaches its lifetime is completed: the money is kept', async () => {
		const { id } = await buy('smsHub');
		sim.flavours.smsHub.deliverCode(id, '1');
		sim.advanceTime(20 * 60_000);
		expect(sim.flavours.smsHub.activation(id)).toMatchObject({ status: 'finished', refunded: 0 });
		expect(sim.flavours.smsHub.balance()).toBe(25);
	});

	test('ids grow with gaps from each flavour’s documented example id; HeroSMS and SMSBower above 2^31', async () => {
		const a = await buy('heroSms');
		const b = await buy('heroSms');
		expect(a.id).toBe('3416693217');
		expect(BigInt(b.id)).toBeGreaterThan(BigInt(a.id));
		expect(Number((await buy('smsBower')).id)).toBeGreaterThan(2 ** 31);
		expect((await buy('grizzlySms')).id).toBe('38496653');
	});

	test('autoDeliver applies to the flavours too', async () => {
		const auto = await startSimulator({ autoDeliver: { afterPolls: 1 } });
		try {
			const get = async (q: string) => (await fetch(`${auto.flavourUrl('smsBower')}?${q}&api_key=${DEMO_FLAVOUR_KEYS.smsBower}`)).text();
			const id = (await get('action=getNumber&service=tg&country=2')).split(':')[1];
			expect(await get(`action=getStatus&id=${id}`)).toBe('STATUS_WAIT_CODE');
			expect(await get(`action=getStatus&id=${id}`)).toMatch(/^STATUS_OK:\d{6}$/);
		} finally {
			await auto.close();
		}
	});
});

describe('undocumented actions are refused as each server refuses an unknown action', () => {
	test.each(FLAVOURS)('%s', async (f) => {
		for (const action of [...PROBES.filter((a) => !DOCUMENTED[f].includes(a)), 'nope', '']) {
			const answer = await api(f, `action=${action}`);
			if (f === 'heroSms') {
				expect([answer.status, parsed(answer)]).toEqual([404, { title: 'BAD_ACTION', details: 'Method Not Found', info: {} }]);
			} else {
				expect([action, answer.status, answer.body]).toEqual([action, 200, 'BAD_ACTION']);
			}
		}
		expect(sim.purchases(f)).toBe(0);
	});
});

describe('getNumber refusals spend nothing', () => {
	test.each(FLAVOURS)('%s: unknown service, unknown country, sold out, no balance', async (f) => {
		const badService: Record<Flavour, string> = {
			smsActivate: 'BAD_SERVICE',
			heroSms: 'UNPROCESSABLE_ENTITY:service:INVALID',
			grizzlySms: 'BAD_SERVICE',
			smsHub: 'WRONG_SERVICE',
			smsBower: 'BAD_SERVICE',
			sms365: 'BAD_SERVICE',
			smsMan: 'BAD_SERVICE',
			smsOnline: 'BAD_SERVICE',
			onlinesim: 'BAD_SERVICE',
		};
		for (const q of ['service=zz&country=2', 'country=2']) expect(await api(f, `action=getNumber&${q}`)).toMatchObject({ status: 200, body: badService[f] });
		const badCountry = f === 'heroSms' ? 'UNPROCESSABLE_ENTITY:country:INVALID' : f === 'grizzlySms' ? 'SERVICE_UNAVAILABLE_REGION' : 'NO_NUMBERS';
		expect((await api(f, 'action=getNumber&service=tg&country=999')).body).toBe(badCountry);
		// 0.go and 12.wa are listed but sold out; 16.go is not sold at all. NO_NUMBERS is plain 200 even at HeroSMS.
		for (const q of ['service=go&country=0', 'service=wa&country=12', 'service=go&country=16']) {
			expect(await api(f, `action=getNumber&${q}`)).toMatchObject({ status: 200, body: 'NO_NUMBERS' });
		}
		sim.flavours[f].setBalance(0.49);
		expectError(await api(f, 'action=getNumber&service=tg&country=2'), f, 'NO_BALANCE', 402);
		expect(sim.flavours[f].balance()).toBe(0.49);
		expect(sim.purchases(f)).toBe(0);
	});

	test('getNumber without country buys in country 0, as sms-activate does', async () => {
		const id = (await api('smsActivate', 'action=getNumber&service=vk')).body.split(':')[1];
		expect(sim.flavours.smsActivate.activation(id).country).toBe(0);
	});

	test('maxPrice: WRONG_MAX_PRICE:<min> (sms-activate), 400 with info.min (HeroSMS), NO_NUMBERS (Grizzly), ignored elsewhere', async () => {
		expect((await api('smsActivate', 'action=getNumber&service=tg&country=2&maxPrice=0.4')).body).toBe('WRONG_MAX_PRICE:0.5');
		const hero = await api('heroSms', 'action=getNumber&service=tg&country=2&maxPrice=0.4');
		expect([hero.status, parsed(hero)]).toEqual([400, { title: 'WRONG_MAX_PRICE', details: expect.any(String), info: { min: 0.5 } }]);
		expect((await api('grizzlySms', 'action=getNumber&service=tg&country=2&maxPrice=0.4')).body).toBe('NO_NUMBERS');
		expect((await api('smsHub', 'action=getNumber&service=tg&country=2&maxPrice=0.4')).body).toMatch(/^ACCESS_NUMBER:/);
		expect((await api('smsActivate', 'action=getNumber&service=tg&country=2&maxPrice=0.5')).body).toMatch(/^ACCESS_NUMBER:/);
	});

	test('documented refusals on demand: Grizzly’s sentences, sms-activate’s BANNED, HeroSMS’s 403 envelopes', async () => {
		const grizzly = sim.flavours.grizzlySms;
		grizzly.refuse('prohibited');
		grizzly.refuse('notIssued', 2);
		const words = [];
		for (let i = 0; i < 4; i++) words.push((await api('grizzlySms', 'action=getNumber&service=tg&country=2')).body);
		expect(words).toEqual([
			'The service is prohibited for sale by administration',
			'the number has not been issued',
			'the number has not been issued',
			expect.stringMatching(/^ACCESS_NUMBER:/),
		]);
		sim.flavours.smsActivate.refuse('banned');
		expect((await api('smsActivate', 'action=getNumberV2&service=tg&country=2')).body).toMatch(/^BANNED:'\d{4}-\d\d-\d\d \d\d-\d\d-\d\d'$/);
		sim.flavours.heroSms.refuse('banned');
		sim.flavours.heroSms.refuse('channelsLimit');
		const banned = await api('heroSms', 'action=getNumber&service=tg&country=2');
		expect([banned.status, parsed(banned).title, Object.keys(parsed(banned).info)]).toEqual([
			403,
			'BANNED',
			['scope', 'banned_until', 'retry_after_seconds', 'readable_date'],
		]);
		expect(parsed(await api('heroSms', 'action=getNumber&service=tg&country=2')).info).toEqual({ current_threads: 10, max_allowed: 10 });
		expect(() => sim.flavours.smsHub.refuse('banned')).toThrow(/documents no refusal banned/);
		expect(sim.purchases('heroSms') + sim.purchases('smsActivate')).toBe(0);
	});

	test('sms-activate getNumberV2 with orderId: ORDER_ALREADY_EXISTS the second time, spending once', async () => {
		const first = await api('smsActivate', 'action=getNumberV2&service=tg&country=2&orderId=o-1');
		expect(parsed(first).activationId).toEqual(expect.any(Number));
		expect((await api('smsActivate', 'action=getNumberV2&service=tg&country=2&orderId=o-1')).body).toBe('ORDER_ALREADY_EXISTS');
		expect(sim.flavours.smsActivate.balance()).toBe(25);
	});
});

describe('setStatus', () => {
	test.each(FLAVOURS)('%s accepts only its documented codes; ready, retry, wrong ids, closed activations', async (f) => {
		const { id } = await buy(f);
		for (const code of [0, 2, 4, 5, 7, 9, -1, 1, 8]) {
			if (STATUSES[f].includes(code)) continue;
			expectError(await api(f, `action=setStatus&id=${id}&status=${code}`), f, 'BAD_STATUS', 400);
		}
		expectError(await api(f, `action=setStatus&id=${id}`), f, 'BAD_STATUS', 400);
		if (STATUSES[f].includes(1)) {
			expect((await api(f, `action=setStatus&id=${id}&status=1`)).body).toBe('ACCESS_READY');
			expect(sim.flavours[f].activation(id).ready).toBe(true);
		}
		// 3 and 6 need a code first.
		expectError(await api(f, `action=setStatus&id=${id}&status=3`), f, 'BAD_STATUS', 400);
		sim.flavours[f].deliverCode(id, '111');
		expect((await api(f, `action=setStatus&id=${id}&status=3`)).body).toBe('ACCESS_RETRY_GET');
		// sms.online documents "waiting for SMS to be resent" for this state.
		expect((await api(f, `action=getStatus&id=${id}`)).body).toBe(f === 'smsOnline' ? 'STATUS_WAIT_RESEND' : 'STATUS_WAIT_RETRY:111');
		sim.flavours[f].deliverCode(id, '222');
		expect((await api(f, `action=getStatus&id=${id}`)).body).toBe('STATUS_OK:222');
		// No cancel after a code.
		if (STATUSES[f].includes(8)) expectError(await api(f, `action=setStatus&id=${id}&status=8`), f, 'BAD_STATUS', 409, 'OTP_RECEIVED');
		expect((await api(f, `action=setStatus&id=${id}&status=6`)).body).toBe('ACCESS_ACTIVATION');
		// A closed activation.
		expectError(await api(f, `action=setStatus&id=${id}&status=6`), f, 'BAD_STATUS', 409, 'ACTIVATION_NOT_ACTIVE');
		// Unknown ids: NO_ACTIVATION (HeroSMS 404 NOT_FOUND); sms-activate's WRONG_ACTIVATION_ID for one that is no id.
		for (const action of ['getStatus', 'setStatus']) {
			expectError(await api(f, `action=${action}&id=1&status=6`), f, 'NO_ACTIVATION', 404, 'NOT_FOUND');
		}
		const malformed = await api(f, 'action=setStatus&id=abc&status=6');
		if (f === 'smsActivate') expect(malformed.body).toBe('WRONG_ACTIVATION_ID');
		else expectError(malformed, f, 'NO_ACTIVATION', 404, 'NOT_FOUND');
	});

	test('Grizzly cancels with -1 too', async () => {
		const { id } = await buy('grizzlySms');
		expect((await api('grizzlySms', `action=setStatus&id=${id}&status=-1`)).body).toBe('ACCESS_CANCEL');
		expect(sim.flavours.grizzlySms.activation(id)).toMatchObject({ status: 'cancelled', refunded: 0.5 });
	});

	test('HeroSMS finishActivation / cancelActivation answer 204 with an empty body', async () => {
		const a = await buy('heroSms');
		const b = await buy('heroSms');
		sim.flavours.heroSms.deliverCode(a.id, '9');
		const finished = await api('heroSms', `action=finishActivation&id=${a.id}`);
		const cancelled = await api('heroSms', `action=cancelActivation&id=${b.id}`);
		expect([finished.status, finished.body, cancelled.status, cancelled.body]).toEqual([204, '', 204, '']);
		expect(sim.flavours.heroSms.balance()).toBe(25);
		expect(parsed(await api('heroSms', `action=cancelActivation&id=${b.id}`)).title).toBe('ACTIVATION_NOT_ACTIVE');
	});

	test.each(['smsActivate', 'heroSms', 'smsBower'] as const)('%s: EARLY_CANCEL_DENIED inside the configured window', async (f) => {
		expect(sim.flavours[f].options().earlyCancelMs).toBe(0);
		sim.flavours[f].configure({ earlyCancelMs: 120_000 });
		const { id } = await buy(f);
		const denied = await api(f, `action=setStatus&id=${id}&status=8`);
		if (f === 'heroSms') {
			expect([denied.status, parsed(denied)]).toEqual([409, { title: 'EARLY_CANCEL_DENIED', details: expect.any(String), info: { minActivationTime: 120 } }]);
		} else {
			expect([denied.status, denied.body]).toEqual([200, 'EARLY_CANCEL_DENIED']);
		}
		expect(sim.flavours[f].balance()).toBe(25);
		sim.advanceTime(120_000);
		expect((await api(f, `action=setStatus&id=${id}&status=8`)).body).toBe('ACCESS_CANCEL');
		expect(sim.flavours[f].balance()).toBe(25.5);
	});

	test('early cancel and the quoted notation exist only where documented', () => {
		expect(() => sim.flavours.smsHub.configure({ earlyCancelMs: 1000 })).toThrow(/SMSHub has no option earlyCancelMs/);
		expect(() => sim.flavours.heroSms.configure({ quoted: true })).toThrow(/no option quoted/);
		expect(() => sim.flavours.heroSms.configure({ countries: 'list' as never })).toThrow(/"object" or "array"/);
		expect(() => sim.flavours.heroSms.configure({ earlyCancelMs: -1 })).toThrow(/>= 0/);
	});
});

describe('documented reads', () => {
	test('quoted doc notation: sms-activate’s balance, STATUS_OK and STATUS_WAIT_RETRY; SMSBower’s STATUS_OK', async () => {
		sim.flavours.smsActivate.configure({ quoted: true });
		expect((await api('smsActivate', 'action=getBalance')).body).toBe("ACCESS_BALANCE: '25.50'");
		const { id } = await buy('smsActivate');
		sim.flavours.smsActivate.deliverCode(id, '12345');
		expect((await api('smsActivate', `action=getStatus&id=${id}`)).body).toBe("STATUS_OK: '12345'");
		sim.flavours.smsActivate.requestRetry(id);
		expect((await api('smsActivate', `action=getStatus&id=${id}`)).body).toBe("STATUS_WAIT_RETRY: '12345'");
		sim.flavours.smsBower.configure({ quoted: true });
		const bower = await buy('smsBower');
		sim.flavours.smsBower.deliverCode(bower.id, '777');
		expect((await api('smsBower', `action=getStatus&id=${bower.id}`)).body).toBe("STATUS_OK: '777'");
		expect((await api('smsBower', 'action=getBalance')).body).toBe('ACCESS_BALANCE:25.00');
	});

	test('retryWord: STATUS_WAIT_RESEND on HeroSMS and SMSBower (older page) when asked', async () => {
		for (const f of ['heroSms', 'smsBower'] as const) {
			sim.flavours[f].configure({ retryWord: 'resend' });
			const { id } = await buy(f);
			sim.flavours[f].deliverCode(id, '1');
			await api(f, `action=setStatus&id=${id}&status=3`);
			expect((await api(f, `action=getStatus&id=${id}`)).body).toBe('STATUS_WAIT_RESEND');
		}
	});

	test('getBalance number forms: two decimals, HeroSMS and 365sms the shortest', async () => {
		sim.flavours.heroSms.setBalance(100.5);
		sim.flavours.sms365.setBalance(540);
		sim.flavours.smsMan.setBalance(7);
		expect((await api('heroSms', 'action=getBalance')).body).toBe('ACCESS_BALANCE:100.5');
		expect((await api('sms365', 'action=getBalance')).body).toBe('ACCESS_BALANCE:540');
		expect((await api('smsMan', 'action=getBalance')).body).toBe('ACCESS_BALANCE:7.00');
	});

	test('getNumberV2: sms-activate, HeroSMS, SMSBower and Grizzly shapes', async () => {
		const ref = parsed(await api('smsActivate', 'action=getNumberV2&service=tg&country=2&operator=beeline'));
		expect(ref).toEqual({
			activationId: 635468024,
			phoneNumber: expect.stringMatching(/^77\d{9}$/),
			activationCost: 0.5,
			currency: 840,
			countryCode: '2',
			canGetAnotherSms: '1',
			activationTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
			activationOperator: 'beeline',
		});
		const hero = parsed(await api('heroSms', 'action=getNumberV2&service=tg&country=6'));
		expect(hero).toEqual({
			activationId: '3416693217',
			phoneNumber: expect.stringMatching(/^628\d{9}$/),
			activationCost: 0.3,
			currency: 840,
			countryCode: 6,
			countryPhoneCode: 62,
			canGetAnotherSms: true,
			activationTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
			activationEndTime: expect.stringMatching(/\+00:00$/),
			activationOperator: 'any',
		});
		expect(Date.parse(hero.activationEndTime) - Date.parse(hero.activationTime)).toBe(20 * 60_000);
		const bower = parsed(await api('smsBower', 'action=getNumberV2&service=tg&country=2'));
		expect(bower).toMatchObject({ activationId: expect.any(String), phoneNumber: expect.any(Number), countryCode: '2' });
		expect(bower).not.toHaveProperty('currency');
		expect(parsed(await api('grizzlySms', 'action=getNumberV2&service=tg&country=2'))).toMatchObject({ activationId: 38496653, currency: 840 });
	});

	test('getStatusV2: sms-activate’s {verificationType, sms, call}; HeroSMS current {verificationType:"sms", data} and legacy', async () => {
		const a = await buy('smsActivate');
		expect(parsed(await api('smsActivate', `action=getStatusV2&id=${a.id}`))).toEqual({ verificationType: 0, sms: null, call: null });
		sim.flavours.smsActivate.deliverCode(a.id, '5', { text: 'Code 5' });
		expect(parsed(await api('smsActivate', `action=getStatusV2&id=${a.id}`))).toEqual({
			verificationType: 0,
			sms: { dateTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), code: '5', text: 'Code 5' },
			call: null,
		});
		const h = await buy('heroSms');
		expect(parsed(await api('heroSms', `action=getStatusV2&id=${h.id}`))).toEqual({
			verificationType: 'sms',
			data: { id: h.id, phoneFrom: null, code: null, text: null, service: 'tg', date: null, type: 'sms' },
		});
		sim.flavours.heroSms.deliverCode(h.id, '123456', { text: 'Telegram code 123456' });
		expect(parsed(await api('heroSms', `action=getStatusV2&id=${h.id}`)).data).toEqual({
			id: h.id,
			phoneFrom: 'Telegram',
			code: '123456',
			text: 'Telegram code 123456',
			service: 'tg',
			date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/),
			type: 'sms',
		});
		sim.flavours.heroSms.configure({ statusV2: 'legacy' });
		expect(parsed(await api('heroSms', `action=getStatusV2&id=${h.id}`))).toMatchObject({ verificationType: 0, sms: { code: '123456' } });
		const c = await buy('heroSms');
		await api('heroSms', `action=setStatus&id=${c.id}&status=8`);
		expect((await api('heroSms', `action=getStatusV2&id=${c.id}`)).body).toBe('STATUS_CANCEL');
		expect(parsed(await api('heroSms', 'action=getStatusV2&id=1')).title).toBe('NOT_FOUND');
	});

	test('getPrices: {cost,count,physicalCount} (sms-activate, HeroSMS), cost a string (sms-man), {cost,count} (SMSBower, sms.online)', async () => {
		const ref = parsed(await api('smsActivate', 'action=getPrices'));
		expect(ref['2'].tg).toEqual({ cost: 0.5, count: 120, physicalCount: 50 });
		expect(Object.keys(ref)).toEqual(['0', '2', '6', '12', '16', '22']);
		expect(parsed(await api('heroSms', 'action=getPrices&country=6&service=wa'))).toEqual({ 6: { wa: { cost: 0.45, count: 85, physicalCount: 30 } } });
		expect(parsed(await api('smsMan', 'action=getPrices&country=2'))['2'].tg).toEqual({ cost: '0.5', count: 120 });
		expect(parsed(await api('smsBower', 'action=getPrices&country=2'))['2'].tg).toEqual({ cost: 0.5, count: 120 });
		expect(parsed(await api('smsOnline', 'action=getPrices&service=go'))).toEqual({
			0: { go: { cost: 0.2, count: 0 } },
			2: { go: { cost: 0.25, count: 200 } },
			12: { go: { cost: 0.6, count: 210 } },
			22: { go: { cost: 0.15, count: 400 } },
		});
		// Stock and prices follow purchases and setPrice.
		await buy('smsBower');
		sim.flavours.smsBower.setPrice(2, 'tg', { cost: 0.55 });
		expect(parsed(await api('smsBower', 'action=getPrices&country=2&service=tg'))).toEqual({ 2: { tg: { cost: 0.55, count: 119 } } });
		expect(parsed(await api('smsBower', 'action=getPricesV2&country=2&service=tg'))).toEqual({ 2: { tg: { '0.55': 119 } } });
		expect(parsed(await api('smsBower', 'action=getPricesV3&country=2&service=tg'))).toEqual({
			2: { tg: { 2: { count: 119, price: 0.55, provider_id: 2 } } },
		});
		// Variants and bad filters.
		sim.flavours.heroSms.configure({ prices: 'array' });
		expect(parsed(await api('heroSms', 'action=getPrices&country=16'))).toEqual([{ 16: { tg: { cost: 0.9, count: 31, physicalCount: 5 } } }]);
		expect(parsed(await api('heroSms', 'action=getPrices&service=zz'))).toEqual({ status: 'false', msg: 'service is incorrect' });
		expect(parsed(await api('smsActivate', 'action=getPrices&service=zz'))).toEqual({});
		sim.flavours.smsBower.configure({ live: true });
		expect(parsed(await api('smsBower', 'action=getPrices&service=zz'))).toEqual({ error: 'Bad service' });
	});

	test('getCountries: keyed by id (sms-activate, HeroSMS live; HeroSMS docs an array), string ids (SMSBower)', async () => {
		const ref = parsed(await api('smsActivate', 'action=getCountries'));
		expect(ref['2']).toEqual({ id: 2, rus: 'Казахстан', eng: 'Kazakhstan', chn: '哈萨克斯坦', visible: 1, retry: 1, rent: 1, multiService: 1 });
		const hero = parsed(await api('heroSms', 'action=getCountries'));
		expect(hero['6']).toEqual({ id: 6, rus: 'Индонезия', eng: 'Indonesia', chn: '印度尼西亚', visible: 1, retry: 1, rent: 1 });
		sim.flavours.heroSms.configure({ countries: 'array' });
		const list = parsed(await api('heroSms', 'action=getCountries'));
		expect(Array.isArray(list) && list[0]).toEqual({ id: 0, rus: 'Россия', eng: 'Russia', chn: '俄罗斯', visible: 1, retry: 1 });
		expect(parsed(await api('smsBower', 'action=getCountries'))['12']).toEqual({ id: '12', rus: 'США (виртуальные)', eng: 'USA (virtual)', chn: '美国（虚拟）' });
	});

	test('getActiveActivations: activeActivations[] (sms-activate, sms.online), data[] (HeroSMS), masked phones, smsCode array vs string', async () => {
		for (const f of ['smsActivate', 'heroSms', 'smsOnline'] as const) {
			expect(parsed(await api(f, 'action=getActiveActivations'))).toEqual({ status: 'error', error: 'NO_ACTIVATIONS' });
		}
		const a = await buy('smsActivate');
		const done = await buy('smsActivate');
		sim.flavours.smsActivate.deliverCode(a.id, '11111', { text: 'first' });
		sim.flavours.smsActivate.deliverCode(done.id, '2');
		sim.flavours.smsActivate.finish(done.id);
		const ref = parsed(await api('smsActivate', 'action=getActiveActivations'));
		expect(ref).toEqual({
			status: 'success',
			activeActivations: [
				{
					activationId: a.id,
					serviceCode: 'tg',
					phoneNumber: `${a.phone.slice(0, 2)}********${a.phone.slice(-1)}`,
					activationCost: 0.5,
					activationStatus: '4',
					smsCode: ['11111'],
					smsText: '["first"]',
					activationTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
					discount: '0.00',
					repeated: '0',
					countryCode: '2',
					countryName: 'Kazakhstan',
					canGetAnotherSms: '1',
					currency: 840,
				},
			],
		});
		sim.flavours.smsActivate.configure({ maskActivePhones: false });
		expect(parsed(await api('smsActivate', 'action=getActiveActivations')).activeActivations[0].phoneNumber).toBe(a.phone);

		const h = await buy('heroSms');
		await buy('heroSms');
		sim.flavours.heroSms.deliverCode(h.id, '54321');
		const hero = parsed(await api('heroSms', 'action=getActiveActivations'));
		expect(hero.status).toBe('success');
		expect(hero.data).toHaveLength(2);
		expect(hero.data[0]).toMatchObject({ activationId: h.id, smsCode: '54321', smsText: 'Your Telegram code: 54321', phoneNumber: expect.stringMatching(/^77\*{8}\d$/) });
		expect(parsed(await api('heroSms', 'action=getActiveActivations&start=1&limit=1')).data.map((x: { activationId: string }) => x.activationId)).not.toContain(h.id);
		sim.flavours.heroSms.configure({ activeList: 'activeActivations' });
		expect(parsed(await api('heroSms', 'action=getActiveActivations')).activeActivations).toHaveLength(2);

		const o = await buy('smsOnline');
		sim.flavours.smsOnline.deliverCode(o.id, 'CODE');
		expect(parsed(await api('smsOnline', 'action=getActiveActivations')).activeActivations[0]).toEqual({
			activationId: o.id,
			countryCode: '2',
			countryName: 'Kazakhstan',
			serviceCode: 'tg',
			phoneNumber: expect.stringMatching(/^77\*{8}\d$/),
			activationCost: 0.5,
			activationStatus: '4',
			smsCode: ['CODE'],
			activationTime: expect.any(String),
		});
	});

	test('getNumbersStatus: {"tg_0":n} (sms-activate older pages, 365sms), {"tg":n} (HeroSMS, country required)', async () => {
		expect(parsed(await api('smsActivate', 'action=getNumbersStatus&country=2'))).toEqual({ tg_0: 120, wa_0: 30, go_0: 200 });
		expect(parsed(await api('sms365', 'action=getNumbersStatus'))).toEqual({ tg_0: 150, vk_0: 890, wa_0: 40, go_0: 0 });
		sim.flavours.smsActivate.configure({ numbersStatus: 'plain' });
		expect(parsed(await api('smsActivate', 'action=getNumbersStatus&country=16'))).toEqual({ tg: 31 });
		expect(parsed(await api('heroSms', 'action=getNumbersStatus&country=6'))).toEqual({ tg: 300, wa: 85 });
		const missing = await api('heroSms', 'action=getNumbersStatus');
		expect([missing.status, parsed(missing).title]).toEqual([422, 'UNPROCESSABLE_ENTITY']);
	});

	test('HeroSMS getServicesList and getOperators', async () => {
		expect(parsed(await api('heroSms', 'action=getServicesList')).services).toContainEqual({ code: 'tg', name: 'Telegram' });
		expect(parsed(await api('heroSms', 'action=getOperators&country=6'))).toEqual({ status: 'success', countryOperators: { 6: ['any', 'telkomsel', 'indosat'] } });
	});

	test('SMSBower live: 401 JSON for a bad key, WRONG_SERVICE', async () => {
		sim.flavours.smsBower.configure({ live: true });
		const bad = await api('smsBower', 'action=getBalance', 'nope');
		expect([bad.status, parsed(bad)]).toEqual([401, { status: 0, message: 'No access', data: [] }]);
		expect((await api('smsBower', 'action=getNumber&service=zz')).body).toBe('WRONG_SERVICE');
	});
});

describe('faults on flavour routes', () => {
	test('answers that do not act, resets, the request log', async () => {
		sim.fault('smsHub', 'getNumber', { kind: 'status', status: 503 });
		sim.fault('smsHub', 'getNumber', { kind: 'html' });
		sim.fault('smsHub', 'getNumber', { kind: 'empty' });
		sim.fault('smsHub', 'getNumber', { kind: 'word', body: 'SOMETHING_NEW' });
		sim.fault('smsHub', 'getNumber', { kind: 'rateLimit' });
		sim.fault('smsHub', 'getNumber', { kind: 'errorSql' });
		const answers = [];
		for (let i = 0; i < 6; i++) answers.push(await api('smsHub', 'action=getNumber&service=tg&country=2'));
		expect(answers.map((a) => [a.status, a.body.slice(0, 20)])).toEqual([
			[503, 'Service Unavailable'],
			[502, '<html>\r\n<head><title'],
			[200, ''],
			[200, 'SOMETHING_NEW'],
			[429, 'Too Many Requests'],
			[200, 'ERROR_SQL'],
		]);
		expect(sim.purchases('smsHub')).toBe(0);

		sim.fault('smsHub', 'getNumber', { kind: 'resetBefore' });
		await expect(api('smsHub', 'action=getNumber&service=tg&country=2')).rejects.toThrow();
		expect(sim.purchases('smsHub')).toBe(0);
		sim.fault('smsHub', 'getNumber', { kind: 'resetAfter' });
		await expect(api('smsHub', 'action=getNumber&service=tg&country=2')).rejects.toThrow();
		expect(sim.purchases('smsHub')).toBe(1);
		expect(sim.flavours.smsHub.balance()).toBe(25);

		const logged = sim.requests.filter((r) => r.provider === 'smsHub');
		expect(logged).toHaveLength(8);
		expect(logged[7]).toMatchObject({ route: 'getNumber', path: '/smsHub/stubs/handler_api.php', query: { service: 'tg', country: '2' }, outcome: 'reset-after' });
		expect(JSON.stringify(sim.requests)).not.toContain(DEMO_FLAVOUR_KEYS.smsHub);
	});

	test('latency, and a status fault on HeroSMS in its envelope', async () => {
		sim.fault('heroSms', 'getBalance', { kind: 'latency', ms: 400 });
		sim.fault('heroSms', 'getBalance', { kind: 'status', status: 500 });
		sim.fault('heroSms', 'getBalance', { kind: 'status', status: 502, body: 'bad gateway' });
		const delayed = api('heroSms', 'action=getBalance');
		for (let i = 0; i < 100 && sim.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
		// Held back: a later request (another action, no fault) is answered while it is still unanswered.
		expect((await api('heroSms', 'action=getCountries')).status).toBe(200);
		expect(sim.requests[0]).toMatchObject({ route: 'getBalance', status: null, outcome: null });
		expect((await delayed).body).toBe('ACCESS_BALANCE:25.5');
		const envelope = await api('heroSms', 'action=getBalance');
		expect([envelope.status, parsed(envelope)]).toEqual([500, { title: 'SERVER_ERROR', details: 'Internal Server Error', info: {} }]);
		expect(await api('heroSms', 'action=getBalance')).toMatchObject({ status: 502, body: 'bad gateway' });
	});

	test('faults through the control API name the flavour in any case', async () => {
		expect((await control('POST', 'faults', { provider: 'herosms', route: 'getStatus', kind: 'errorSql' })).json.faults).toEqual([
			expect.objectContaining({ provider: 'heroSms', route: 'getStatus', kind: 'errorSql' }),
		]);
		expect((await api('heroSms', 'action=getStatus&id=1')).body).toBe('ERROR_SQL');
	});
});

/** A webhook receiver on 127.0.0.1 answering the given statuses in turn (the last repeats); 'hang' never answers. */
async function receiver(statuses: Array<number | 'hang'> = [200]) {
	const received: Array<{ method: string; type: string | undefined; body: string }> = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const answer = statuses[Math.min(received.length, statuses.length - 1)];
			received.push({ method: req.method ?? '', type: req.headers['content-type'], body });
			if (answer === 'hang') return;
			res.writeHead(answer);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

describe('webhook push', () => {
	test('sms-activate: its documented body, retried on non-200 until 200, every attempt recorded', async () => {
		const hook = await receiver([500, 404, 200]);
		try {
			expect(sim.setWebhook('smsActivate', hook.url, { retryDelaysMs: [5] })).toEqual({ url: hook.url, attempts: 8, retryDelaysMs: [5], timeoutMs: 10_000 });
			const { id } = await buy('smsActivate');
			sim.flavours.smsActivate.deliverCode(id, '12345', { text: 'Your code 12345' });
			await sim.webhooksIdle();
			expect(hook.received).toHaveLength(3);
			expect(hook.received[0]).toMatchObject({ method: 'POST', type: 'application/json' });
			expect(JSON.parse(hook.received[0].body)).toEqual({
				activationId: Number(id),
				service: 'tg',
				text: 'Your code 12345',
				code: '12345',
				country: 2,
				receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
			});
			expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
			expect(sim.webhookDeliveries.map((d) => [d.attempt, d.status, d.ok, d.final, d.kind, d.activationId])).toEqual([
				[1, 500, false, false, 'code', id],
				[2, 404, false, false, 'code', id],
				[3, 200, true, true, 'code', id],
			]);
		} finally {
			await hook.close();
		}
	});

	test('HeroSMS: string id, ISO time with microseconds, phoneFrom; 8 attempts (at least 7 retries) then it gives up', async () => {
		const hook = await receiver([503]);
		try {
			const settings = sim.setWebhook('heroSms', hook.url);
			expect(settings).toMatchObject({ attempts: 8, timeoutMs: 3000, retryDelaysMs: Array(7).fill(3) });
			const { id } = await buy('heroSms');
			sim.flavours.heroSms.deliverCode(id, '777777');
			await sim.webhooksIdle();
			expect(hook.received).toHaveLength(8);
			expect(JSON.parse(hook.received[0].body)).toEqual({
				activationId: id,
				service: 'tg',
				text: 'Your Telegram code: 777777',
				code: '777777',
				country: 2,
				receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
				phoneFrom: 'Telegram',
			});
			const attempts = sim.webhookDeliveries;
			expect(attempts.map((d) => d.status)).toEqual(Array(8).fill(503));
			expect(attempts.map((d) => d.final)).toEqual([...Array(7).fill(false), true]);
			expect(new Set(attempts.map((d) => d.deliveryId)).size).toBe(1);
		} finally {
			await hook.close();
		}
	});

	test('SMSBower retries twice (1 min, 5 min, scaled); sms.online never retries', async () => {
		const hook = await receiver([500]);
		try {
			expect(sim.setWebhook('smsBower', hook.url)?.retryDelaysMs).toEqual([6, 30]);
			sim.setWebhook('smsOnline', hook.url);
			const b = await buy('smsBower');
			const o = await buy('smsOnline');
			sim.flavours.smsBower.deliverCode(b.id, '1');
			sim.flavours.smsOnline.deliverCode(o.id, '2');
			await sim.webhooksIdle();
			const by = (f: string) => sim.webhookDeliveries.filter((d) => d.flavour === f);
			expect(by('smsBower').map((d) => d.attempt)).toEqual([1, 2, 3]);
			expect(by('smsOnline').map((d) => [d.attempt, d.status, d.final])).toEqual([[1, 500, true]]);
			expect(JSON.parse(by('smsOnline')[0].body)).toMatchObject({ activationId: Number(o.id), code: '2', country: 2 });
		} finally {
			await hook.close();
		}
	});

	test('a receiver that does not answer in time, or is not there, is a failed attempt', async () => {
		const hook = await receiver(['hang']);
		try {
			sim.setWebhook('smsOnline', hook.url, { timeoutMs: 100 });
			const { id } = await buy('smsOnline');
			sim.flavours.smsOnline.deliverCode(id, '1');
			await sim.webhooksIdle();
			expect(sim.webhookDeliveries[0]).toMatchObject({ status: null, error: 'timeout', ok: false, final: true });
		} finally {
			await hook.close();
		}
		sim.setWebhook('smsOnline', hook.url);
		const { id } = await buy('smsOnline');
		sim.flavours.smsOnline.deliverCode(id, '2');
		await sim.webhooksIdle();
		expect(sim.webhookDeliveries[1]).toMatchObject({ status: null, error: 'ECONNREFUSED', ok: false });
	});

	test('malformed bodies, unknown activations and repeats on purpose', async () => {
		const hook = await receiver([200]);
		try {
			sim.setWebhook('smsActivate', hook.url);
			const malformed = await sim.sendWebhook('smsActivate', 'malformed');
			expect(() => JSON.parse(hook.received[0].body)).toThrow();
			expect(hook.received[0].body.startsWith('{"activationId":')).toBe(true);
			expect(malformed).toEqual([expect.objectContaining({ kind: 'malformed', activationId: null, status: 200 })]);
			await sim.sendWebhook('smsActivate', 'malformed', { body: 'not json' });
			expect(hook.received[1].body).toBe('not json');

			const unknown = await sim.sendWebhook('smsActivate', 'unknownActivation');
			const unknownBody = JSON.parse(hook.received[2].body);
			expect(unknownBody).toMatchObject({ activationId: 635468023, code: '12345', service: 'tg' });
			expect(unknown[0].activationId).toBe('635468023');
			expect(() => sim.flavours.smsActivate.activation('635468023')).toThrow(/no sms-activate activation/);

			await expect(async () => sim.sendWebhook('smsActivate', 'repeat')).rejects.toThrow(/nothing was delivered/);
			const { id } = await buy('smsActivate');
			sim.flavours.smsActivate.deliverCode(id, '4242');
			await sim.webhooksIdle();
			const repeated = await sim.sendWebhook('smsActivate', 'repeat', { activationId: id });
			expect(repeated[0]).toMatchObject({ kind: 'repeat', activationId: id });
			expect(hook.received[4].body).toBe(hook.received[3].body);
			expect(() => sim.sendWebhook('smsActivate', 'unknownActivation', { activationId: id })).toThrow(/exists/);
			expect(() => sim.sendWebhook('smsActivate', 'bogus' as never)).toThrow(/must be one of/);
		} finally {
			await hook.close();
		}
	});

	test('only documenting flavours take a webhook; no URL, no push; a timed code pushes when the clock moves', async () => {
		for (const f of ['grizzlySms', 'smsHub', 'sms365', 'smsMan', 'onlinesim']) {
			expect(() => sim.setWebhook(f as WebhookFlavour, 'http://127.0.0.1:1/')).toThrow(/documents no webhook/);
		}
		expect(() => sim.setWebhook('heroSms', 'ftp://x')).toThrow(/http/);
		expect(() => sim.sendWebhook('heroSms', 'malformed')).toThrow(/no webhook URL/);
		const quiet = await buy('heroSms');
		sim.flavours.heroSms.deliverCode(quiet.id, '1');
		await sim.webhooksIdle();
		expect(sim.webhookDeliveries).toEqual([]);

		const hook = await receiver([200]);
		try {
			sim.setWebhook('heroSms', hook.url);
			const { id } = await buy('heroSms');
			sim.flavours.heroSms.scriptCode(id, { atMs: sim.now() + 60_000, code: '606060' });
			sim.advanceTime(61_000);
			await sim.webhooksIdle();
			expect(JSON.parse(hook.received[0].body)).toMatchObject({ activationId: id, code: '606060' });
			sim.setWebhook('heroSms', null);
			expect(sim.state().flavours.heroSms.webhook).toBeNull();
		} finally {
			await hook.close();
		}
	});

	test('through the control API', async () => {
		const hook = await receiver([200]);
		try {
			expect((await control('POST', 'flavours/smsBower/webhook', { url: hook.url, retryDelaysMs: [1] })).json.webhook).toMatchObject({ url: hook.url, attempts: 3 });
			const { id } = await buy('smsBower');
			await control('POST', `flavours/smsbower/activations/${id}/code`, { code: '31337' });
			await control('POST', 'flavours/smsBower/webhook/send', { kind: 'repeat' });
			await sim.webhooksIdle();
			const deliveries = (await control('GET', 'webhooks')).json;
			expect(deliveries.map((d: { kind: string; status: number }) => [d.kind, d.status])).toEqual([
				['code', 200],
				['repeat', 200],
			]);
			expect(await control('POST', 'flavours/smsHub/webhook', { url: hook.url })).toMatchObject({ status: 400 });
			expect(await control('POST', 'flavours/smsBower/webhook/send', { kind: 'x' })).toMatchObject({ status: 400 });
		} finally {
			await hook.close();
		}
	});

	test('reset stops retries and forgets URLs and deliveries', async () => {
		const hook = await receiver([500]);
		try {
			sim.setWebhook('smsActivate', hook.url, { retryDelaysMs: [10_000] });
			const { id } = await buy('smsActivate');
			sim.flavours.smsActivate.deliverCode(id, '1');
			for (let i = 0; i < 100 && hook.received.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
			sim.reset();
			await sim.webhooksIdle();
			expect(sim.webhookDeliveries).toEqual([]);
			expect(sim.state().flavours.smsActivate.webhook).toBeNull();
			expect(hook.received).toHaveLength(1);
		} finally {
			await hook.close();
		}
	});
});

describe('control API for flavours', () => {
	test('list, balance, prices, options, refusals, code, script, retry, finish, state', async () => {
		const list = (await control('GET', 'flavours')).json;
		expect(list.map((f: { name: string }) => f.name)).toEqual([...FLAVOURS]);
		expect(list[1]).toMatchObject({ name: 'heroSms', title: 'HeroSMS', url: sim.flavours.heroSms.url, webhooks: true, statuses: [3, 6, 8] });

		expect((await control('POST', 'flavours/grizzlySms/balance', { balance: 2 })).json).toEqual({ balance: 2 });
		expect((await control('POST', 'flavours/grizzlySms/prices', { country: 22, service: 'wa', cost: 0.4, count: 3 })).json).toEqual({
			country: 22,
			service: 'wa',
			cost: 0.4,
			count: 3,
			physicalCount: 0,
		});
		expect(await control('POST', 'flavours/grizzlySms/prices', { country: 99, service: 'wa', cost: 1 })).toMatchObject({ status: 400 });
		const { id } = await buy('grizzlySms', 'wa', 22);
		expect(sim.flavours.grizzlySms.balance()).toBe(1.6);

		expect((await control('POST', `flavours/grizzlySms/activations/${id}/script`, { afterPolls: 1, code: '808' })).json.status).toBe('waiting');
		expect((await api('grizzlySms', `action=getStatus&id=${id}`)).body).toBe('STATUS_WAIT_CODE');
		expect((await api('grizzlySms', `action=getStatus&id=${id}`)).body).toBe('STATUS_OK:808');
		expect((await control('POST', `flavours/grizzlySms/activations/${id}/retry`)).json.status).toBe('retry');
		expect((await control('POST', `flavours/grizzlySms/activations/${id}/code`, { text: 'hi' })).json.codes[1]).toMatchObject({
			code: expect.stringMatching(/^\d{6}$/),
			text: 'hi',
		});
		expect((await control('POST', `flavours/grizzlySms/activations/${id}/finish`)).json.status).toBe('finished');
		expect(await control('POST', `flavours/grizzlySms/activations/${id}/code`, {})).toMatchObject({ status: 409 });
		expect(await control('POST', 'flavours/grizzlySms/activations/1/code', {})).toMatchObject({ status: 404 });

		expect((await control('POST', 'flavours/heroSms/options', { earlyCancelMs: 120_000 })).json.earlyCancelMs).toBe(120_000);
		expect(await control('POST', 'flavours/heroSms/options', { nope: 1 })).toMatchObject({ status: 400 });
		expect((await control('POST', 'flavours/heroSms/refusals', { reason: 'accountInactive' })).json.refusals).toEqual([
			{ reason: 'accountInactive', remaining: 1 },
		]);
		expect(parsed(await api('heroSms', 'action=getNumber&service=tg&country=2')).title).toBe('ACCOUNT_INACTIVE');

		const state = (await control('GET', 'flavours/GRIZZLYSMS')).json;
		expect(state).toMatchObject({ balance: 1.6, webhook: null, activations: [{ id, status: 'finished', country: 22 }] });
		expect((await control('GET', 'state')).json.flavours.heroSms.options.earlyCancelMs).toBe(120_000);
		expect(await control('GET', 'flavours/fivesim')).toMatchObject({ status: 400 });
	});

	test('reset restores every flavour', async () => {
		await buy('smsMan');
		sim.flavours.smsMan.setPrice(2, 'tg', { cost: 9 });
		sim.flavours.heroSms.configure({ countries: 'array' });
		sim.flavours.smsActivate.refuse('banned');
		sim.reset();
		const state = sim.state().flavours;
		expect(state.smsMan).toMatchObject({ balance: 25.5, activations: [] });
		expect(state.smsMan.prices.find((p) => p.country === 2 && p.service === 'tg')?.cost).toBe(0.5);
		expect(state.heroSms.options.countries).toBe('object');
		expect(state.smsActivate.refusals).toEqual([]);
		expect((await buy('smsMan')).id).toBe('907311452');
	});
});
