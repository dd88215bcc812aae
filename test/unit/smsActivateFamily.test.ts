/**
 * The answers of the sms-activate protocol family (HeroSMS, 365sms, GrizzlySMS, SMSHub, SMSBower,
 * sms-activate itself) as docs/research/sms-activate-family.md records them, through the pure parsers;
 * the operations beyond RentVerify's (setStatus 1/3/6, getNumberV2, getStatusV2, getNumbersStatus); and
 * one test per bug a review found (each fails on the parsers before this change).
 */
import type { HttpAnswer, Parsed, ProviderProblem } from '../../nodes/shared/transport/answer';
import {
	answerProblem,
	cleanText,
	parseActiveActivations,
	parseBalance,
	parseCancel,
	parseCountries,
	parseNumber,
	parseNumbersStatus,
	parseNumberV2,
	parsePurchaseV2,
	parsePrices,
	parseServices,
	parseSetStatus,
	parseStatus,
	parseStatusV2,
} from '../../nodes/shared/transport/rentVerifyAnswers';
import { maskedPhone, toE164, toNumber } from '../../nodes/shared/normalize';

const answer = (body: string, statusCode = 200): HttpAnswer => ({ statusCode, body });
const json = (value: unknown, statusCode = 200): HttpAnswer => answer(JSON.stringify(value), statusCode);

function valueOf<T>(result: Parsed<T>): T {
	if (!result.ok) throw new Error(`expected a value, got the problem ${JSON.stringify(result.problem)}`);
	return result.value;
}

function problemOf<T>(result: Parsed<T>): ProviderProblem {
	if (result.ok) throw new Error(`expected a problem, got the value ${JSON.stringify(result.value)}`);
	return result.problem;
}

const LIST_READS: Array<[string, (a: HttpAnswer) => Parsed<unknown>]> = [
	['parseCountries', parseCountries],
	['parseServices', parseServices],
	['parsePrices', parsePrices],
	['parseActiveActivations', parseActiveActivations],
	['parseNumbersStatus', parseNumbersStatus],
];

const EVERY_PARSER: Array<[string, (a: HttpAnswer) => Parsed<unknown>]> = [
	['parseBalance', parseBalance],
	['parseNumber', parseNumber],
	['parseStatus', parseStatus],
	['parseCancel', parseCancel],
	...LIST_READS,
	['parseNumberV2', parseNumberV2],
	['parsePurchaseV2', parsePurchaseV2],
	['parseStatusV2', parseStatusV2],
	['parseSetStatus(1)', (a) => parseSetStatus(a, 1)],
	['parseSetStatus(3)', (a) => parseSetStatus(a, 3)],
	['parseSetStatus(6)', (a) => parseSetStatus(a, 6)],
	['parseSetStatus(8)', (a) => parseSetStatus(a, 8)],
];

// sms-activate's documented getActiveActivations entry (research [S2]).
const SMS_ACTIVATE_ACTIVATION = {
	activationId: '635468021',
	serviceCode: 'vk',
	phoneNumber: '79********1',
	activationCost: 12.5,
	activationStatus: '4',
	smsCode: ['CODE'],
	smsText: '[Your registration code: CODE]',
	activationTime: '2022-06-01 16:59:16',
	discount: '0.00',
	repeated: '0',
	countryCode: '2',
	countryName: 'Kazakhstan',
	canGetAnotherSms: '1',
	currency: 840,
};

describe('the bugs a review found (each failed before)', () => {
	it('getPrices in the family shape {country: {service: {cost, count, physicalCount}}} has its price and count', () => {
		expect(valueOf(parsePrices(json({ 186: { tg: { cost: 0.4, count: 150, physicalCount: 150 } } })))).toEqual([
			{ country: '186', service: 'tg', price: 0.4, available: 150, priceId: null, physicalCount: 150 },
		]);
	});

	it('getPrices with cost and count as strings', () => {
		expect(valueOf(parsePrices(json({ 0: { vk: { cost: '15', count: 6455 }, tg: { cost: '0.40', count: '12' } } })))).toEqual([
			{ country: '0', service: 'vk', price: 15, available: 6455, priceId: null },
			{ country: '0', service: 'tg', price: 0.4, available: 12, priceId: null },
		]);
	});

	it('getPrices nested service → country ({"tg":{"186":0.22}}) keeps country and service apart', () => {
		expect(valueOf(parsePrices(json({ tg: { 186: 0.22 } })))).toEqual([
			{ country: '186', service: 'tg', price: 0.22, available: null, priceId: null },
		]);
	});

	it('getCountries in the family map uses `eng` as the name, not the id', () => {
		const body = { 6: { id: 6, rus: 'Индонезия', eng: 'Indonesia', chn: '印度尼西亚', visible: 1, retry: 1, rent: 1 } };
		expect(valueOf(parseCountries(json(body)))).toEqual([{ id: '6', name: 'Indonesia', visible: true }]);
	});

	it('getActiveActivations in the documented form: masked phone kept as given, activationStatus and activationTime read', () => {
		const [entry] = valueOf(parseActiveActivations(json({ status: 'success', activeActivations: [SMS_ACTIVATE_ACTIVATION] })));
		expect(entry).toEqual({
			activationId: '635468021',
			phoneNumber: null,
			phoneMasked: '79********1',
			service: 'vk',
			country: '2',
			status: 'received',
			statusCode: '4',
			cost: 12.5,
			createdAt: '2022-06-01T16:59:16.000Z',
			expiresAt: null,
			code: 'CODE',
			smsText: '[Your registration code: CODE]',
			raw: SMS_ACTIVATE_ACTIVATION,
		});
	});

	it('getActiveActivations as {"status":"success","data":[…]} has its rows', () => {
		const list = valueOf(
			parseActiveActivations(json({ status: 'success', data: [{ ...SMS_ACTIVATE_ACTIVATION, smsCode: '12345' }] })),
		);
		expect(list.map((entry) => [entry.activationId, entry.code, entry.status])).toEqual([['635468021', '12345', 'received']]);
	});

	it('{"data":[]} is no activations, not one blank row', () => {
		expect(valueOf(parseActiveActivations(json({ data: [] })))).toEqual([]);
		expect(valueOf(parseActiveActivations(json({ status: 'success', data: [] })))).toEqual([]);
	});

	it.each(LIST_READS)('%s: {"title":"BAD_KEY","details":"Unauthorized"} is the bad-key problem, not an empty catalog', (_name, parse) => {
		for (const status of [200, 401]) {
			expect(problemOf(parse(json({ title: 'BAD_KEY', details: 'Unauthorized' }, status)))).toEqual(answerProblem(answer('BAD_KEY')));
		}
	});

	it.each(LIST_READS)('%s: a JSON body with an HTTP error status is never a success', (_name, parse) => {
		for (const body of ['[]', '{}', '[{"id":"usa","name":"USA","code":"tg"}]', '{"usa":{"tg":{"price":1,"available":1}}}']) {
			for (const status of [400, 404, 422, 500, 503]) {
				const problem = problemOf(parse(answer(body, status)));
				expect(problem.word).toBe('UNEXPECTED_ANSWER');
				expect(problem.message).toContain(`HTTP ${status}`);
				expect(problem.transient).toBe(status >= 500);
			}
		}
	});

	it('an entry that is not an object is a problem, never a blank entry', () => {
		expect(problemOf(parseCountries(answer('["usa"]'))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseServices(answer('[null]'))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseActiveActivations(answer('[1]'))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseCountries(answer('{"6":"Indonesia"}'))).word).toBe('UNEXPECTED_ANSWER');
	});

	it('an object that is not a list is not read as one', () => {
		expect(problemOf(parseServices(answer('{"first":{"code":"tg","name":"Telegram"}}'))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseActiveActivations(answer('{"x":{"id":"1"}}'))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseActiveActivations(answer('{"status":"success","total":2}'))).word).toBe('UNEXPECTED_ANSWER');
	});

	it('ACCESS_BALANCE:0x10 is not 16: numbers are decimal only', () => {
		for (const body of ['ACCESS_BALANCE:0x10', 'ACCESS_BALANCE:0b1', 'ACCESS_BALANCE:0o7', 'ACCESS_BALANCE:Infinity', 'ACCESS_BALANCE:1_000']) {
			expect(problemOf(parseBalance(answer(body))).word).toBe('UNEXPECTED_ANSWER');
		}
		expect(toNumber('0x10')).toBeNull();
	});

	it('a phone is never made from junk (abc5 is not +5)', () => {
		expect(toE164('abc5')).toBeNull();
		expect(problemOf(parseNumber(answer('ACCESS_NUMBER:123:abc5'))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseNumber(answer('ACCESS_NUMBER:123:1202555abc1234'))).word).toBe('UNEXPECTED_ANSWER');
		const [entry] = valueOf(parseActiveActivations(json([{ id: '1', number: 'abc5' }])));
		expect(entry.phoneNumber).toBeNull();
		expect(entry.phoneMasked).toBeUndefined();
	});

	it("STATUS_OK: 'code' (the documented quoted form) gives the code without the quotes", () => {
		expect(valueOf(parseStatus(answer("STATUS_OK: '276964'")))).toMatchObject({ status: 'received', code: '276964', codeDigits: '276964' });
		expect(valueOf(parseStatus(answer('STATUS_OK: "G-276964"')))).toMatchObject({ code: 'G-276964', codeDigits: '276964' });
		expect(valueOf(parseStatus(answer("STATUS_WAIT_RETRY: 'past, unmatched code'")))).toMatchObject({
			status: 'waitingRetry',
			code: 'past, unmatched code',
		});
	});

	it("'STATUS_CANCEL' in single quotes is read like \"STATUS_CANCEL\"", () => {
		expect(valueOf(parseStatus(answer("'STATUS_CANCEL'"))).status).toBe('cancelled');
		expect(valueOf(parseCancel(answer("'ACCESS_CANCEL'\n")))).toBe(true);
		expect(valueOf(parseBalance(answer("'ACCESS_BALANCE:25.50'")))).toBe(25.5);
		expect(cleanText("'STATUS_CANCEL'")).toBe('STATUS_CANCEL');
	});

	it.each(EVERY_PARSER)('%s: a price nested 2,000 or 200,000 levels deep is an unexpected answer, never a throw', (_name, parse) => {
		for (const depth of [2_000, 200_000]) {
			const deep = `${'{"price":'.repeat(depth)}0.5${'}'.repeat(depth)}`;
			for (const body of [`{"usa":{"tg":${deep}}}`, `[${deep}]`, `${'['.repeat(depth)}${']'.repeat(depth)}`]) {
				let result: Parsed<unknown> | undefined;
				expect(() => (result = parse(answer(body)))).not.toThrow();
				expect(result?.ok).toBe(false);
			}
		}
	});
});

describe('large answers', () => {
	const bodies = [
		'A'.repeat(2_000_000),
		`"${' '.repeat(2_000_000)}"`,
		`STATUS_OK:${'9'.repeat(2_000_000)}`,
		`[${'{"id":"1","name":"x","code":"tg"},'.repeat(40_000)}{"id":"2","code":"wa"}]`,
		`{"status":"error","message":"${'x'.repeat(1_000_000)}"}`,
	];

	it.each(EVERY_PARSER)('%s: a body of megabytes is read or refused, never a throw, and a problem quotes it shortened', (_name, parse) => {
		for (const body of bodies) {
			let result: Parsed<unknown> | undefined;
			expect(() => (result = parse(answer(body)))).not.toThrow();
			if (result && !result.ok) expect(result.problem.message.length).toBeLessThan(400);
		}
	});
});

describe('documented words, bare and in their JSON forms', () => {
	it('ORDER_ALREADY_EXISTS says nothing new was bought', () => {
		const problem = problemOf(parseNumber(answer('ORDER_ALREADY_EXISTS')));
		expect(problem.word).toBe('ORDER_ALREADY_EXISTS');
		expect(problem.message).toContain('(ORDER_ALREADY_EXISTS)');
		expect(problem.description).toMatch(/Nothing new was bought/);
		expect(problem.transient).toBe(false);
	});

	it('CHANNELS_LIMIT says to finish or cancel activations', () => {
		const problem = problemOf(parseNumberV2(answer('CHANNELS_LIMIT')));
		expect(problem.word).toBe('CHANNELS_LIMIT');
		expect(problem.description).toMatch(/Finish or cancel/);
	});

	it('WRONG_MAX_PRICE:<min> quotes the minimum price, also as HeroSMS JSON with info.min', () => {
		for (const body of ['WRONG_MAX_PRICE:0.025', '"WRONG_MAX_PRICE:0.025"', JSON.stringify({ title: 'WRONG_MAX_PRICE', details: 'Max price is too low', info: { min: 0.025 } })]) {
			const problem = problemOf(parseNumber(answer(body, body.startsWith('{') ? 400 : 200)));
			expect(problem.word).toBe('WRONG_MAX_PRICE');
			expect(problem.message).toContain('the lowest price now is 0.025');
			expect(problem.description).toMatch(/Nothing was bought/);
		}
	});

	it('WRONG_MAX_PRICE with a detail that is not a number quotes it instead of reading it', () => {
		const problem = problemOf(parseNumber(answer('WRONG_MAX_PRICE:0x10')));
		expect(problem.message).toContain('"0x10"');
		expect(problem.message).not.toContain('lowest price now is 16');
	});

	it("BANNED:'YYYY-m-d H-i-s' gives the time, also as HeroSMS JSON with info.banned_until", () => {
		expect(problemOf(parseNumber(answer("BANNED:'2025-7-11 13-50-49'"))).message).toContain('until 2025-7-11 13-50-49 (BANNED)');
		const heroSms = { title: 'BANNED', details: 'Account banned', info: { scope: 'global', banned_until: '2026-03-01T00:00:00+00:00' } };
		const problem = problemOf(parseNumber(json(heroSms, 403)));
		expect(problem.word).toBe('BANNED');
		expect(problem.message).toContain('until 2026-03-01T00:00:00+00:00');
	});

	it('the HeroSMS envelope {"title","details","info"} maps its title wherever a word can come', () => {
		for (const [, parse] of EVERY_PARSER) {
			expect(problemOf(parse(json({ title: 'NO_BALANCE', details: 'Not enough money', info: {} }, 402))).word).toBe('NO_BALANCE');
			expect(problemOf(parse(json({ title: 'ORDER_ALREADY_EXISTS', details: '…' }, 409))).word).toBe('ORDER_ALREADY_EXISTS');
			expect(problemOf(parse(json({ title: 'CHANNELS_LIMIT', details: '…', info: { current_threads: 5, max_allowed: 5 } }, 403))).word).toBe('CHANNELS_LIMIT');
		}
	});

	it('an unknown title is an error that quotes the title and details', () => {
		const problem = problemOf(parseCountries(json({ title: 'SOMETHING_NEW', details: 'Try later' }, 409)));
		expect(problem.word).toBe('SOMETHING_NEW');
		expect(problem.message).toContain('"SOMETHING_NEW: Try later"');
	});

	it.each<[string, unknown, number, string]>([
		['sms-activate rent', { status: 'error', message: 'NO_NUMBERS' }, 200, 'NO_NUMBERS'],
		['Onlinesim rent', { status: 'error', msg: 'NO_NUMBERS' }, 200, 'NO_NUMBERS'],
		['SMSBower live', { status: 0, message: 'No access', data: [] }, 401, 'BAD_KEY'],
		['Laravel', { message: 'Unauthenticated.' }, 401, 'BAD_KEY'],
		['HeroSMS not found', { title: 'NOT_FOUND', details: 'Activation Not Found' }, 404, 'NOT_FOUND'],
	])('%s: %j is the mapped problem', (_server, body, status, word) => {
		for (const [, parse] of EVERY_PARSER) expect(problemOf(parse(json(body, status))).word).toBe(word);
	});

	it.each<[string, unknown]>([
		['HeroSMS getPrices', { status: 'false', msg: 'service is incorrect' }],
		['SMSBower getPrices', { error: 'Bad service' }],
	])('%s: %j is an error quoting what the server said', (_server, body) => {
		const problem = problemOf(parsePrices(json(body)));
		expect(problem.word).toBe('ERROR');
		expect(problem.message).toMatch(/service is incorrect|Bad service/);
	});

	it('HeroSMS UNPROCESSABLE_ENTITY:service:INVALID names the parameter', () => {
		const problem = problemOf(parseNumber(answer('UNPROCESSABLE_ENTITY:service:INVALID')));
		expect(problem.word).toBe('UNPROCESSABLE_ENTITY');
		expect(problem.message).toContain('service:INVALID');
	});

	it('WRONG_SERVICE (SMSHub, SMSBower) is the unknown-service problem', () => {
		expect(problemOf(parseNumber(answer('WRONG_SERVICE'))).message).toMatch(/does not know this service/);
	});

	it('a masked phone in ACCESS_NUMBER is a problem that names the activation bought, never invented digits', () => {
		const problem = problemOf(parseNumber(answer('ACCESS_NUMBER:123456789:7*********0')));
		expect(problem.word).toBe('PHONE_MASKED');
		expect(problem.message).toContain('123456789');
		expect(problem.message).toContain('7*********0');
		expect(problem.description).toMatch(/was bought/);
	});

	it('parsers take the server name for their messages', () => {
		expect(problemOf(parseBalance(answer('BAD_KEY'), 'HeroSMS')).message).toBe('HeroSMS rejected the API token (BAD_KEY)');
		expect(problemOf(parseCountries(answer('nope'), 'HeroSMS')).message).toContain('HeroSMS gave an unexpected answer');
		expect(problemOf(parseSetStatus(answer('nope'), 6, 'GrizzlySMS')).message).toContain('GrizzlySMS');
	});
});

describe('getBalance', () => {
	it.each<[string, number]>([
		['ACCESS_BALANCE:100.5', 100.5],
		['ACCESS_BALANCE:540', 540],
		["ACCESS_BALANCE: '25.50'", 25.5],
	])('%p → %p', (body, balance) => {
		expect(valueOf(parseBalance(answer(body)))).toBe(balance);
	});
});

describe('getCountries', () => {
	it('the family map keyed by id (sms-activate, HeroSMS live)', () => {
		const body = {
			2: { id: 2, rus: 'Казахстан', eng: 'Kazakhstan', chn: '哈萨克斯坦', visible: 1, retry: 1, rent: 1, multiService: 1 },
			6: { id: 6, rus: 'Индонезия', eng: 'Indonesia', chn: '印度尼西亚', visible: 0, retry: 1 },
		};
		expect(valueOf(parseCountries(json(body)))).toEqual([
			{ id: '2', name: 'Kazakhstan', visible: true },
			{ id: '6', name: 'Indonesia', visible: false },
		]);
	});

	it('the array form (HeroSMS docs)', () => {
		expect(valueOf(parseCountries(json([{ id: 2, rus: 'Казахстан', eng: 'Kazakhstan', chn: '哈萨克斯坦', visible: 1, retry: 1 }])))).toEqual([
			{ id: '2', name: 'Kazakhstan', visible: true },
		]);
	});

	it('string ids and no flags (SMSBower live)', () => {
		expect(valueOf(parseCountries(json({ 1003: { id: '1003', rus: 'Бермуды', eng: 'Bermuda', chn: '百慕大' } })))).toEqual([
			{ id: '1003', name: 'Bermuda' },
		]);
	});

	it('falls back to the other names when `eng` is missing, and to the map key when the entry has no id', () => {
		expect(valueOf(parseCountries(json({ usa: { rus: 'США' }, 7: { chn: '俄罗斯' } })))).toEqual([
			{ id: '7', name: '俄罗斯' },
			{ id: 'usa', name: 'США' },
		]);
	});

	it('an entry with an id that is not a string or whole number is a problem', () => {
		for (const id of [true, { x: 1 }, [], '', 1.5, -1]) {
			expect(problemOf(parseCountries(json([{ id, eng: 'X' }]))).word).toBe('UNEXPECTED_ANSWER');
		}
		expect(problemOf(parseCountries(json([{ eng: 'No id' }]))).word).toBe('UNEXPECTED_ANSWER');
	});
});

describe('getServices', () => {
	it("getServicesList's {\"status\":\"success\",\"services\":[{code,name}]}", () => {
		expect(valueOf(parseServices(json({ status: 'success', services: [{ code: 'aoo', name: 'Pegasus Airlines' }, { code: 'tg', name: 'Telegram' }] })))).toEqual([
			{ code: 'aoo', name: 'Pegasus Airlines' },
			{ code: 'tg', name: 'Telegram' },
		]);
	});

	it('an entry without its code is a problem', () => {
		expect(problemOf(parseServices(json([{ code: 'tg', name: 'Telegram' }, { name: 'Nameless' }]))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseServices(json({ status: 'error', services: [] }))).word).toBe('ERROR');
	});
});

describe('getPrices', () => {
	it('the older HeroSMS transcription wraps the map in a one-element array', () => {
		expect(valueOf(parsePrices(json([{ 6: { tg: { cost: '0.3', count: 10, physicalCount: 4 } } }])))).toEqual([
			{ country: '6', service: 'tg', price: 0.3, available: 10, priceId: null, physicalCount: 4 },
		]);
	});

	it('tells the nestings apart by the keys: numeric outer keys are countries', () => {
		expect(valueOf(parsePrices(json({ 0: { 186: 0.5 } }))).map(({ country, service }) => [country, service])).toEqual([['0', '186']]);
		expect(valueOf(parsePrices(json({ 186: { tg: 1 }, 187: { wa: 2 } }))).map(({ country, service }) => [country, service])).toEqual([
			['186', 'tg'],
			['187', 'wa'],
		]);
	});

	it('words on both levels are ambiguous: the documented country → service shape wins', () => {
		expect(valueOf(parsePrices(json({ usa: { facebook: { price: 0.4, available: 3 } } }))).map(({ country, service }) => [country, service])).toEqual([
			['usa', 'facebook'],
		]);
	});

	it('service → country with offer objects (getPricesVerification shape)', () => {
		expect(valueOf(parsePrices(json({ tg: { 186: { cost: 0.2, count: 9 }, 187: { cost: '0.3', count: '1' } } })))).toEqual([
			{ country: '186', service: 'tg', price: 0.2, available: 9, priceId: null },
			{ country: '187', service: 'tg', price: 0.3, available: 1, priceId: null },
		]);
	});

	it('a price ladder (getPricesV2: {"0.25": 12}) is not a getPrices answer', () => {
		expect(problemOf(parsePrices(json({ 0: { vk: { '18.00': 5 } } }))).word).toBe('UNEXPECTED_ANSWER');
	});

	it('a count that is not a whole non-negative number is a problem', () => {
		for (const count of ['many', 1.5, -3, '0x10']) {
			expect(problemOf(parsePrices(json({ 0: { tg: { cost: 1, count } } }))).word).toBe('UNEXPECTED_ANSWER');
		}
	});
});

describe('getActiveActivations', () => {
	it('NO_ACTIVATIONS in each form is an empty list', () => {
		for (const body of ['NO_ACTIVATIONS', '{"status":"error","error":"NO_ACTIVATIONS"}', '{"title":"NO_ACTIVATIONS","details":"No activations"}', "'NO_ACTIVATIONS'"]) {
			expect(valueOf(parseActiveActivations(answer(body)))).toEqual([]);
			expect(valueOf(parseActiveActivations(answer(body, 404)))).toEqual([]);
		}
	});

	it('HeroSMS live: both keys, activeActivations a row count object beside the data list', () => {
		const body = {
			status: 'success',
			data: [{ ...SMS_ACTIVATE_ACTIVATION, smsCode: null, activationStatus: '1', phoneNumber: '6281234567890' }],
			activeActivations: { affected_rows: 0, num_rows: 1, row: [], rows: [] },
		};
		const [entry] = valueOf(parseActiveActivations(json(body)));
		expect(entry).toMatchObject({ activationId: '635468021', phoneNumber: '+6281234567890', status: 'waiting', statusCode: '1', code: null });
		expect(entry.phoneMasked).toBeUndefined();
	});

	it.each<[string, string, unknown, string]>([
		['3', 'waitingRetry', ['111'], 'another SMS asked for'],
		['6', 'finished', ['111'], 'finished'],
		['8', 'cancelled', null, 'cancelled'],
		['4', 'waiting', [], 'open, no code yet'],
		['4', 'received', '654321', 'open, with a code'],
		['9', '9', null, 'not documented: kept as sent'],
	])('activationStatus %s → %s (%s)', (code, status, smsCode) => {
		const [entry] = valueOf(parseActiveActivations(json({ status: 'success', activeActivations: [{ ...SMS_ACTIVATE_ACTIVATION, activationStatus: code, smsCode }] })));
		expect(entry.status).toBe(status);
		expect(entry.statusCode).toBe(code);
	});

	it('a list entry without its id is a problem', () => {
		const { activationId: _id, ...withoutId } = SMS_ACTIVATE_ACTIVATION;
		expect(problemOf(parseActiveActivations(json({ status: 'success', activeActivations: [withoutId] }))).word).toBe('UNEXPECTED_ANSWER');
	});
});

describe('setStatus', () => {
	it.each<[1 | 3 | 6 | 8 | -1, string, string]>([
		[1, 'ACCESS_READY', 'ready'],
		[3, 'ACCESS_RETRY_GET', 'retryRequested'],
		[6, 'ACCESS_ACTIVATION', 'finished'],
		[8, 'ACCESS_CANCEL', 'cancelled'],
		[-1, 'ACCESS_CANCEL', 'cancelled'],
	])('status %i: %s → %s', (status, word, outcome) => {
		expect(parseSetStatus(answer(word), status)).toEqual({ ok: true, value: { status, word, outcome } });
		expect(valueOf(parseSetStatus(answer(`"${word}"\n`), String(status)))).toMatchObject({ outcome });
	});

	it("only the status's own word is a success", () => {
		for (const [status, word] of [[1, 'ACCESS_CANCEL'], [3, 'ACCESS_READY'], [6, 'ACCESS_RETRY_GET'], [6, 'STATUS_OK:1']] as const) {
			const problem = problemOf(parseSetStatus(answer(word), status));
			expect(problem.word).toBe('UNEXPECTED_ANSWER');
			expect(problem.message).toContain(`"${word}"`);
		}
		expect(problemOf(parseSetStatus(answer('ACCESS_READY'), 8)).word).toBe('CANCEL_REFUSED');
	});

	it.each<[string, RegExp, RegExp]>([
		['EARLY_CANCEL_DENIED', /does not allow cancelling this number yet/, /try again in a few minutes/],
		['WRONG_ACTIVATION_ID', /does not know this activation ID/, /use the `id` that Buy Number returned/],
		['NO_ACTIVATION', /activation does not exist/, /belongs to this account/],
		['BAD_STATUS', /refused this status change/, /Get Status/],
	])('%s is a problem naming the word and saying what to do', (word, message, description) => {
		for (const status of [1, 3, 6, 8] as const) {
			const problem = problemOf(parseSetStatus(answer(word), status));
			expect(problem.word).toBe(word);
			expect(problem.message).toMatch(message);
			expect(problem.message).toContain(`(${word})`);
			expect(problem.description).toMatch(description);
			expect(problem.transient).toBe(false);
		}
	});

	it('BAD_STATUS says why for each status', () => {
		expect(problemOf(parseSetStatus(answer('BAD_STATUS'), 3)).description).toMatch(/only after a code arrived/);
		expect(problemOf(parseSetStatus(answer('BAD_STATUS'), 6)).description).toMatch(/finished only after its code arrived/);
		expect(problemOf(parseSetStatus(answer('BAD_STATUS'), 1)).description).toMatch(/ready only while it waits/);
	});

	it('HeroSMS 409 refusals in JSON', () => {
		const early = problemOf(parseSetStatus(json({ title: 'EARLY_CANCEL_DENIED', details: 'Too early', info: { minActivationTime: 120 } }, 409), 8));
		expect(early.word).toBe('EARLY_CANCEL_DENIED');
		expect(early.message).toContain('only 120 seconds after buying');
		for (const word of ['OTP_RECEIVED', 'FREE_CANCELLATION_EXPIRED', 'NEW_OTP_RECEIVED', 'ACTIVATION_NOT_ACTIVE']) {
			const problem = problemOf(parseSetStatus(json({ title: word, details: '…' }, 409), 8));
			expect(problem.word).toBe(word);
			expect(problem.message).toContain(`(${word})`);
		}
	});

	it('a status the protocol does not document is refused before reading the answer', () => {
		for (const status of [2, 5, 0, '8a', Number.NaN, '']) {
			expect(problemOf(parseSetStatus(answer('ACCESS_CANCEL'), status)).word).toBe('UNSUPPORTED_STATUS');
		}
	});

	it('cancel (8) refusals are quoted like parseCancel', () => {
		const sentence = 'Cannot cancel: this number has already received an SMS';
		expect(problemOf(parseSetStatus(answer(sentence, 409), 8))).toEqual(problemOf(parseCancel(answer(sentence, 409))));
	});
});

describe('getNumberV2', () => {
	it("sms-activate's documented answer", () => {
		const body = {
			activationId: 635468024,
			phoneNumber: '79584******',
			activationCost: 12.5,
			currency: 840,
			countryCode: '2',
			canGetAnotherSms: '1',
			activationTime: '2022-06-01 17:30:57',
			activationOperator: 'mtt',
		};
		expect(valueOf(parseNumberV2(json(body)))).toEqual({
			activationId: '635468024',
			phoneNumber: null,
			phoneMasked: '79584******',
			cost: 12.5,
			country: '2',
			canGetAnotherSms: true,
			activatedAt: '2022-06-01T17:30:57.000Z',
			activatedAtOriginal: '2022-06-01 17:30:57',
			operator: 'mtt',
			expiresAt: null,
			expiresAtOriginal: null,
			currency: '840',
			raw: body,
		});
	});

	it("HeroSMS's answer: string id, numeric country, boolean flag, ISO times", () => {
		const body = {
			activationId: '635468024',
			phoneNumber: '6281234567890',
			activationCost: 12.5,
			currency: 840,
			countryCode: 6,
			countryPhoneCode: 62,
			canGetAnotherSms: true,
			activationTime: '2026-02-18T16:11:33+00:00',
			activationEndTime: '2026-02-18T18:11:23+00:00',
			activationOperator: 'any',
		};
		expect(valueOf(parseNumberV2(json(body)))).toMatchObject({
			activationId: '635468024',
			phoneNumber: '+6281234567890',
			country: '6',
			canGetAnotherSms: true,
			activatedAt: '2026-02-18T16:11:33.000Z',
			expiresAt: '2026-02-18T18:11:23.000Z',
		});
	});

	it("SMSBower's answer: the phone as a JSON number", () => {
		const body = { activationId: '991', phoneNumber: 6281234567890, activationCost: '0.2', countryCode: '6', canGetAnotherSms: 0, activationTime: '2024-01-01 10:00:00', activationOperator: 'any' };
		expect(valueOf(parseNumberV2(json(body)))).toMatchObject({ activationId: '991', phoneNumber: '+6281234567890', cost: 0.2, canGetAnotherSms: false });
	});

	it('keeps an id beyond 2^53 exactly', () => {
		expect(valueOf(parseNumberV2(answer('{"activationId":12345678901234567890,"phoneNumber":"12025551234"}'))).activationId).toBe('12345678901234567890');
	});

	it('a purchase answer with an HTTP error status is still the number bought (the body decides)', () => {
		expect(valueOf(parseNumberV2(json({ activationId: 1, phoneNumber: '12025551234' }, 500))).activationId).toBe('1');
	});

	it.each<[unknown]>([[{ phoneNumber: '12025551234' }], [{ activationId: 'abc', phoneNumber: '12025551234' }], [{ activationId: 1 }], [{ activationId: 1, phoneNumber: 'abc5' }], [[]], ['ACCESS_NUMBER:1:2']])(
		'%j is not a getNumberV2 answer',
		(body) => {
			expect(problemOf(parseNumberV2(json(body))).word).toBe('UNEXPECTED_ANSWER');
		},
	);

	it('the classic words are problems', () => {
		expect(problemOf(parseNumberV2(answer('NO_NUMBERS'))).word).toBe('NO_NUMBERS');
		expect(problemOf(parseNumberV2(answer('ORDER_ALREADY_EXISTS'))).word).toBe('ORDER_ALREADY_EXISTS');
	});
});

describe('getNumberV2 as a purchase (Buy Number where the server documents it)', () => {
	const hero = {
		activationId: '3416693217',
		phoneNumber: 6281234567890,
		activationCost: 0.22,
		currency: 840,
		countryCode: 6,
		canGetAnotherSms: true,
		activationTime: '2026-12-01T10:00:00+00:00',
		activationEndTime: '2026-12-01T10:20:00+00:00',
	};

	it('the activation, its phone, and the cost and expiry the answer tells', () => {
		expect(valueOf(parsePurchaseV2(json(hero), 'HeroSMS'))).toEqual({
			activationId: '3416693217',
			phoneNumber: '+6281234567890',
			answer: JSON.stringify(hero),
			cost: 0.22,
			expiresAt: '2026-12-01T10:20:00.000Z',
		});
	});

	it('a cost in another currency than USD is left unknown; no currency is taken as USD (SMSBower)', () => {
		expect(valueOf(parsePurchaseV2(json({ ...hero, currency: 643 }))).cost).toBeNull();
		const { currency: _none, ...bower } = hero;
		expect(valueOf(parsePurchaseV2(json(bower))).cost).toBe(0.22);
	});

	it('a masked phone: bought, and the problem names the activation so nobody buys again unawares', () => {
		const problem = problemOf(parsePurchaseV2(json({ ...hero, phoneNumber: '62812*****90' }), 'HeroSMS'));
		expect(problem).toMatchObject({ word: 'PHONE_MASKED', transient: false });
		expect(problem.message).toBe('HeroSMS sold activation 3416693217 but sent its phone masked ("62812*****90")');
		expect(problem.description).toMatch(/The number was bought/);
	});

	it('the same refusals as getNumberV2', () => {
		expect(problemOf(parsePurchaseV2(answer('NO_NUMBERS'))).word).toBe('NO_NUMBERS');
		expect(problemOf(parsePurchaseV2(json({ title: 'NO_BALANCE', details: 'Insufficient balance' }, 402))).word).toBe('NO_BALANCE');
	});
});

describe('getStatusV2', () => {
	it("sms-activate's documented answer with an SMS", () => {
		const body = {
			verificationType: 0,
			sms: { dateTime: '2022-06-01 17:30:57', code: '276964', text: 'Your code 276964' },
			call: null,
		};
		expect(valueOf(parseStatusV2(json(body)))).toEqual({
			status: 'received',
			code: '276964',
			codeDigits: '276964',
			word: 'STATUS_OK:276964',
			verificationType: 0,
			sms: { code: '276964', text: 'Your code 276964', from: null, receivedAt: '2022-06-01T17:30:57.000Z', receivedAtOriginal: '2022-06-01 17:30:57' },
			call: null,
			raw: body,
		});
	});

	it('a voice call carries the code in `call`', () => {
		const body = {
			verificationType: 2,
			sms: null,
			call: { from: '79991234567', text: 'voice text', code: 12345, dateTime: '2022-06-01 17:30:57', url: null, parsingCount: 1 },
		};
		expect(valueOf(parseStatusV2(json(body)))).toMatchObject({
			status: 'received',
			code: '12345',
			call: { from: '79991234567', code: '12345', url: null, parsingCount: 1 },
		});
	});

	it('nothing came yet: waiting', () => {
		expect(valueOf(parseStatusV2(json({ verificationType: 0, sms: null }))).status).toBe('waiting');
		expect(valueOf(parseStatusV2(json({ verificationType: 'sms', data: { id: '1', phoneFrom: null, code: null, text: null } }))).status).toBe('waiting');
	});

	it("HeroSMS's current answer {verificationType:'sms', data:{…}}", () => {
		const body = {
			verificationType: 'sms',
			data: { id: '3416693217', phoneFrom: 'Telegram', code: '123456', text: 'Telegram code 123456', service: 'tg', date: '2026-02-16T12:36:59+03:00', type: 'sms' },
		};
		expect(valueOf(parseStatusV2(json(body)))).toMatchObject({
			status: 'received',
			code: '123456',
			verificationType: 'sms',
			sms: { from: 'Telegram', receivedAt: '2026-02-16T09:36:59.000Z' },
		});
	});

	it('the plain words servers send once it ended', () => {
		expect(valueOf(parseStatusV2(answer('STATUS_CANCEL')))).toMatchObject({ status: 'cancelled', raw: null, sms: null });
		expect(valueOf(parseStatusV2(answer('STATUS_WAIT_CODE'))).status).toBe('waiting');
	});

	it.each<[unknown]>([[{}], [{ sms: 'code' }], [{ verificationType: { a: 1 } }], [{ verificationType: 0, sms: [1] }], [[]], [{ data: {}, sms: {} }]])(
		'%j is not a getStatusV2 answer',
		(body) => {
			expect(problemOf(parseStatusV2(json(body))).word).toBe('UNEXPECTED_ANSWER');
		},
	);

	it('HeroSMS 404 NOT_FOUND is its problem', () => {
		expect(problemOf(parseStatusV2(json({ title: 'NOT_FOUND', details: 'Activation Not Found' }, 404))).word).toBe('NOT_FOUND');
	});
});

describe('getNumbersStatus', () => {
	it('{"tg_0":"150","wa_0":"87"} → one entry per service', () => {
		expect(valueOf(parseNumbersStatus(json({ tg_0: '150', wa_0: '87' })))).toEqual([
			{ service: 'tg', available: 150, forwarding: false },
			{ service: 'wa', available: 87, forwarding: false },
		]);
	});

	it('the _1 variant is with forwarding; the later form has no suffix', () => {
		expect(valueOf(parseNumbersStatus(json({ vk_0: 76, av_1: 211 })))).toEqual([
			{ service: 'vk', available: 76, forwarding: false },
			{ service: 'av', available: 211, forwarding: true },
		]);
		expect(valueOf(parseNumbersStatus(json({ wa: 90, vi: 223 })))).toEqual([
			{ service: 'wa', available: 90, forwarding: false },
			{ service: 'vi', available: 223, forwarding: false },
		]);
	});

	it('{} and [] are no services', () => {
		expect(valueOf(parseNumbersStatus(answer('{}')))).toEqual([]);
		expect(valueOf(parseNumbersStatus(answer('[]')))).toEqual([]);
	});

	it.each<[unknown]>([[{ tg_0: 'many' }], [{ tg_0: -1 }], [{ tg_0: 1.5 }], [{ tg_0: null }], [{ 'a b': 1 }], [[1, 2]], [{ tg_0: '0x10' }]])('%j is unexpected', (body) => {
		expect(problemOf(parseNumbersStatus(json(body))).word).toBe('UNEXPECTED_ANSWER');
	});
});

describe('normalizers behind the rules', () => {
	it.each<[unknown]>([['79********1'], ['79584******'], ['+7958xxxxxx'], ['7*********0']])('%p is a masked phone, kept as given', (phone) => {
		expect(toE164(phone)).toBeNull();
		expect(maskedPhone(phone)).toBe(phone);
	});

	it.each<[unknown]>([['**********'], ['79584'], [79584], ['abc*'], [null]])('%p is not a masked phone', (phone) => {
		expect(maskedPhone(phone)).toBeNull();
	});

	it.each<[unknown]>([['1234'], ['1234567890123456'], [1.5], [-12025551234], [1e21], ['++12025551234'], ['+'], ['12 02x5551234']])('%p is not a phone', (phone) => {
		expect(toE164(phone)).toBeNull();
	});
});
