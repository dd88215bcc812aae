// The webhook trigger's pure parts: reading a pushed SMS body (every server's documented shape, and
// what is refused), the item it becomes, and the bounded memory of deliveries already emitted.
import type { IDataObject } from 'n8n-workflow';

import {
	MAX_BODY_BYTES,
	MAX_CODE_LENGTH,
	MAX_TEXT_LENGTH,
	type PushedSms,
	deliveryKey,
	pushedCodeItem,
	readPushedSms,
	webhookBodyOf,
	zonedTime,
} from '../../nodes/shared/webhook/smsWebhook';
import {
	SEEN_BUDGET_BYTES,
	SEEN_MAX,
	SEEN_TTL_MS,
	acceptedHere,
	claimDelivery,
	forgetDeliveries,
	hasSeen,
	readSeen,
	settleDelivery,
	withSeen,
	writeSeen,
} from '../../nodes/shared/webhook/seen';

const NOW = Date.UTC(2026, 2, 9, 12, 0, 0);

function sms(body: unknown): PushedSms {
	const reading = readPushedSms(body);
	if (!reading.ok) throw new Error(`refused: ${reading.reason}`);
	return reading.sms;
}

function reason(body: unknown): string {
	const reading = readPushedSms(body);
	if (reading.ok) throw new Error(`accepted: ${JSON.stringify(reading.sms)}`);
	return reading.reason;
}

describe('readPushedSms: the documented bodies', () => {
	test('sms-activate / SMSBower / sms.online: a number id, a code, a time without a zone', () => {
		const body = '{"activationId":123456,"service":"go","text":"Sms text","code":"12345","country":2,"receivedAt":"2023-01-01 12:00:00"}';
		expect(sms(body)).toEqual({
			activationId: '123456',
			codeAsSent: '12345',
			code: '12345',
			text: 'Sms text',
			service: 'go',
			country: '2',
			sender: null,
			receivedAtOriginal: '2023-01-01 12:00:00',
			receivedAt: null,
			token: '12345',
			raw: { activationId: 123456, service: 'go', text: 'Sms text', code: '12345', country: 2, receivedAt: '2023-01-01 12:00:00' },
		});
	});

	test('sms.online: country 0 (Russia) is a country', () => {
		expect(sms({ activationId: 635468021, service: 'go', text: 'Sms text', code: '12345', country: 0, receivedAt: '2025-01-01 12:00:00' }).country).toBe('0');
	});

	test('HeroSMS: a string id, an ISO time with microseconds, phoneFrom', () => {
		const read = sms({
			activationId: '3416693217',
			service: 'tg',
			text: 'Telegram code 54321',
			code: '54321',
			country: 6,
			receivedAt: '2025-12-16T10:30:00.123456Z',
			phoneFrom: 'Telegram',
		});
		expect(read).toMatchObject({ activationId: '3416693217', code: '54321', sender: 'Telegram', country: '6', receivedAt: '2025-12-16T10:30:00.123Z' });
	});

	test('HeroSMS: code null or missing, the code is found in the text; codeAsSent stays null', () => {
		for (const code of [null, undefined, '', '  ']) {
			const read = sms({ activationId: '77', service: 'tg', text: 'Your code: 482913. Do not share it.', code, country: 2, receivedAt: '2025-12-16T10:30:00.000000Z' });
			expect(read).toMatchObject({ codeAsSent: null, code: '482913', token: '482913' });
		}
	});

	test('a text without any code is still an SMS: code null, identified by its text', () => {
		const read = sms({ activationId: '77', text: 'Welcome to the service', code: null });
		expect(read.code).toBeNull();
		expect(read.codeAsSent).toBeNull();
		expect(read.token).toMatch(/^#[0-9a-f]{16}$/);
		expect(sms({ activationId: '77', text: 'Welcome to the service' }).token).toBe(read.token);
		expect(sms({ activationId: '77', text: 'Another text' }).token).not.toBe(read.token);
	});

	test('a code with letters: code is its digits, codeAsSent as sent; a code without digits is kept', () => {
		expect(sms({ activationId: 1, code: 'G-276964' })).toMatchObject({ code: '276964', codeAsSent: 'G-276964', token: 'G-276964' });
		expect(sms({ activationId: 1, code: 'ABCDEF' })).toMatchObject({ code: 'ABCDEF', codeAsSent: 'ABCDEF' });
		expect(sms({ activationId: 1, code: 12345 })).toMatchObject({ code: '12345', codeAsSent: '12345' });
	});

	test('an activation ID beyond 2^53 sent as a JSON number stays exact (read from the raw text)', () => {
		const read = sms('{"activationId":12345678901234567890,"code":"1","service":"tg"}');
		expect(read.activationId).toBe('12345678901234567890');
		expect(read.raw.activationId).toBe('12345678901234567890');
	});

	test('a byte order mark, surrounding whitespace and bytes are fine', () => {
		expect(sms(Buffer.from('\uFEFF  {"activationId":"5","code":"99"}\n')).activationId).toBe('5');
	});

	test('descriptive fields that cannot be read become null and stay in raw', () => {
		const read = sms({ activationId: 9, code: '1', service: { name: 'tg' }, country: [2], receivedAt: 5, phoneFrom: true });
		expect(read).toMatchObject({ service: null, country: null, receivedAtOriginal: '5', receivedAt: null, sender: null });
		expect(read.raw.service).toEqual({ name: 'tg' });
	});
});

describe('readPushedSms: what is refused, with a reason', () => {
	test.each<[string, unknown, RegExp]>([
		['empty text', '', /empty/],
		['nothing', undefined, /empty/],
		['null', null, /empty/],
		['half a JSON body', '{"activationId":123456,"service":"go","te', /not JSON/],
		['an HTML page', '<html><body>hi</body></html>', /not JSON/],
		['a JSON array', '[{"activationId":1,"code":"1"}]', /not a JSON object/],
		['a JSON string', '"123456"', /not a JSON object/],
		['a number', 42, /not a JSON object/],
		['no activationId', { code: '1', text: 'x' }, /activationId is missing/],
		['a null activationId', { activationId: null, code: '1' }, /activationId is missing/],
		['an object activationId', { activationId: { id: 1 }, code: '1' }, /not an activation ID/],
		['a negative activationId', { activationId: -5, code: '1' }, /not an activation ID/],
		['a fractional activationId', { activationId: 1.5, code: '1' }, /not an activation ID/],
		['a word activationId', { activationId: 'abc', code: '1' }, /not an activation ID/],
		['an empty activationId', { activationId: ' ', code: '1' }, /not an activation ID/],
		['an object code', { activationId: 1, code: { value: '1' } }, /code is neither/],
		['a boolean code', { activationId: 1, code: true }, /code is neither/],
		['an array text', { activationId: 1, text: ['a'] }, /text is neither/],
		['neither code nor text', { activationId: 1, service: 'tg' }, /neither a code nor a text/],
		['null code and empty text', { activationId: 1, code: null, text: '   ' }, /neither a code nor a text/],
		['a code too long', { activationId: 1, code: '1'.repeat(MAX_CODE_LENGTH + 1) }, /code is longer/],
		['a text too long', { activationId: 1, text: 'a'.repeat(MAX_TEXT_LENGTH + 1) }, /text is longer/],
		['a body too large', `{"activationId":1,"code":"1","pad":"${'x'.repeat(MAX_BODY_BYTES)}"}`, /larger than/],
		['a body nested too deeply', `{"activationId":1,"code":"1","x":${'['.repeat(100)}${']'.repeat(100)}}`, /nests too deeply/],
	])('%s', (_name, body, expected) => {
		expect(reason(body)).toMatch(expected);
	});
});

describe('zonedTime', () => {
	test.each([
		['2025-12-16T10:30:00.000000Z', '2025-12-16T10:30:00.000Z'],
		['2026-02-16T12:36:59+03:00', '2026-02-16T09:36:59.000Z'],
		['2026-02-16T12:36:59-0130', '2026-02-16T14:06:59.000Z'],
		['2026-02-16T12:36Z', '2026-02-16T12:36:00.000Z'],
	])('%s → %s', (text, iso) => expect(zonedTime(text)).toBe(iso));

	test.each(['2023-01-01 12:00:00', '2023-01-01T12:00:00', '2025-02-30T10:00:00Z', '2025-12-16T25:00:00Z', '2025-12-16T10:00:00+24:00', 'yesterday', ''])(
		'%s has no zone or is no time: null',
		(text) => expect(zonedTime(text)).toBeNull(),
	);
});

describe('pushedCodeItem', () => {
	test('the output contract: number shape, eventId like the polling trigger, receivedAt in UTC', () => {
		const read = sms({ activationId: '3416693217', service: 'tg', text: 'G-276964 is your code', code: 'G-276964', country: 6, receivedAt: '2025-12-16T10:30:00.000000Z', phoneFrom: 'Telegram' });
		expect(pushedCodeItem('heroSms', read, NOW)).toEqual({
			eventId: 'heroSms:3416693217:G-276964',
			provider: 'heroSms',
			id: '3416693217',
			status: 'received',
			phoneNumber: null,
			service: 'tg',
			country: '6',
			code: '276964',
			codeAsSent: 'G-276964',
			cost: null,
			expiresAt: null,
			raw: read.raw,
			text: 'G-276964 is your code',
			sender: 'Telegram',
			receivedAt: '2025-12-16T10:30:00.000Z',
			receivedAtOriginal: '2025-12-16T10:30:00.000000Z',
		});
	});

	test('a time without a zone is never guessed: receivedAt is when n8n received the push', () => {
		const read = sms({ activationId: 1, code: '12345', receivedAt: '2023-01-01 12:00:00' });
		expect(pushedCodeItem('smsBower', read, NOW)).toMatchObject({ receivedAt: new Date(NOW).toISOString(), receivedAtOriginal: '2023-01-01 12:00:00' });
	});
});

describe('webhookBodyOf', () => {
	test('the raw bytes when they hold JSON, else what n8n parsed (a form), else the raw text', () => {
		expect(webhookBodyOf(Buffer.from('{"activationId":1}'), { activationId: 1 })).toBe('{"activationId":1}');
		expect(webhookBodyOf(Buffer.from('activationId=1&code=2'), { activationId: '1', code: '2' })).toEqual({ activationId: '1', code: '2' });
		expect(webhookBodyOf(Buffer.from('hello'), {})).toBe('hello');
		expect(webhookBodyOf(undefined, { activationId: 1 })).toEqual({ activationId: 1 });
		expect(webhookBodyOf(undefined, {})).toEqual({});
	});

	test('a form body is read like JSON', () => {
		expect(sms(webhookBodyOf(Buffer.from('activationId=1&code=2'), { activationId: '1', code: '2' }))).toMatchObject({ activationId: '1', code: '2' });
	});
});

describe('deliveryKey', () => {
	test('readable for usual ids and codes, hashed and bounded for long or odd ones', () => {
		expect(deliveryKey({ activationId: '635468024', token: '12345' })).toBe('635468024:12345');
		const long = deliveryKey({ activationId: '9'.repeat(32), token: 'Your code is 12345, do not share' });
		expect(long).toMatch(/^#[0-9a-f]{16}:#[0-9a-f]{16}$/);
	});
});

describe('the memory of emitted deliveries', () => {
	afterEach(() => forgetDeliveries());

	test('remembers, and forgets after the TTL', () => {
		let seen = withSeen([], 'a:1', NOW);
		expect(hasSeen(seen, 'a:1')).toBe(true);
		const data: IDataObject = {};
		writeSeen(data, seen);
		expect(data).toEqual({ v: 1, seen: [['a:1', Math.floor(NOW / 1000)]] });
		expect(hasSeen(readSeen(data, NOW + SEEN_TTL_MS - 1000), 'a:1')).toBe(true);
		expect(hasSeen(readSeen(data, NOW + SEEN_TTL_MS + 1000), 'a:1')).toBe(false);
		seen = withSeen(seen, 'a:1', NOW + 5000);
		expect(seen).toHaveLength(1);
	});

	test(`keeps the newest ${SEEN_MAX} keys within ${SEEN_BUDGET_BYTES} bytes, whatever the traffic`, () => {
		let seen: ReturnType<typeof withSeen> = [];
		for (let index = 0; index < 5 * SEEN_MAX; index++) {
			seen = withSeen(seen, deliveryKey({ activationId: String(10 ** 20 + index), token: `code ${index} with words` }), NOW + index * 1000);
		}
		expect(seen).toHaveLength(SEEN_MAX);
		const data: IDataObject = {};
		writeSeen(data, seen);
		expect(Buffer.byteLength(JSON.stringify(data))).toBeLessThanOrEqual(SEEN_BUDGET_BYTES);
		expect(hasSeen(seen, deliveryKey({ activationId: String(10 ** 20 + 5 * SEEN_MAX - 1), token: `code ${5 * SEEN_MAX - 1} with words` }))).toBe(true);
		expect(hasSeen(seen, deliveryKey({ activationId: String(10 ** 20), token: 'code 0 with words' }))).toBe(false);
	});

	test('static data written by hand or by an older version is read defensively', () => {
		const at = Math.floor(NOW / 1000);
		const data = { v: 1, seen: [['a:1', at], ['bad key with spaces', at], ['b:2', 'yesterday'], 'junk', ['c:3', at, 'extra'], ['d:4', at]] };
		expect(readSeen(data, NOW)).toEqual([['a:1', at], ['d:4', at]]);
		expect(readSeen({ seen: 'nope' }, NOW)).toEqual([]);
	});

	test('writing the same list changes nothing (n8n then saves nothing)', () => {
		const seen = withSeen([], 'a:1', NOW);
		const data: IDataObject = {};
		writeSeen(data, seen);
		const before = data.seen;
		writeSeen(data, seen);
		expect(data.seen).toBe(before);
	});

	test('this process: a claimed key blocks a repeat; an accepted one is merged back; a refused one is forgotten', () => {
		expect(claimDelivery('wf:node', 'a:1', NOW)).toBe(true);
		expect(claimDelivery('wf:node', 'a:1', NOW + 10)).toBe(false);
		settleDelivery('wf:node', 'a:1', false, NOW + 20);
		expect(claimDelivery('wf:node', 'a:1', NOW + 30)).toBe(true);
		settleDelivery('wf:node', 'a:1', true, NOW + 40);
		expect(claimDelivery('wf:node', 'a:1', NOW + 50)).toBe(false);
		expect(acceptedHere('wf:node', NOW + 60)).toEqual([['a:1', Math.floor((NOW + 40) / 1000)]]);
		expect(acceptedHere('other:node', NOW + 60)).toEqual([]);
		forgetDeliveries('wf:node');
		expect(acceptedHere('wf:node', NOW + 60)).toEqual([]);
	});

	test('a claim that n8n never settles stops blocking after a minute', () => {
		expect(claimDelivery('wf:node', 'a:1', NOW)).toBe(true);
		expect(claimDelivery('wf:node', 'a:1', NOW + 59_000)).toBe(false);
		expect(claimDelivery('wf:node', 'a:1', NOW + 61_000)).toBe(true);
	});
});
