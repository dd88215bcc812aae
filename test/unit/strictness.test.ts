/**
 * The strict rules shared by both providers' parsers: decimal numbers, real phones, ids that are
 * strings, lists that are lists, bounded nesting; OTPVerified's parsers under the same rules; and a
 * purchase answer that wins over the HTTP status.
 */
import {
	asId,
	asList,
	asText,
	exceedsJsonDepth,
	toCount,
	toE164,
	toNumber,
	unquote,
} from '../../nodes/shared/normalize';
import { parseRelease, parseRental, parseRentalMessages, parseRentalServices, unwrap } from '../../nodes/shared/transport/otpVerifiedAnswers';
import type { HttpAnswer, Parsed, ProviderProblem } from '../../nodes/shared/transport/answer';
import { answerProblem, parseNumber, parseNumberV2 } from '../../nodes/shared/transport/rentVerifyAnswers';

const answer = (body: string, statusCode = 200): HttpAnswer => ({ statusCode, body });
const ok = (data: unknown, statusCode = 200): HttpAnswer =>
	answer(JSON.stringify({ statusCode, data, message: 'OK', success: true }), statusCode);

function valueOf<T>(result: Parsed<T>): T {
	if (!result.ok) throw new Error(`expected a value, got the problem ${JSON.stringify(result.problem)}`);
	return result.value;
}

function problemOf<T>(result: Parsed<T>): ProviderProblem {
	if (result.ok) throw new Error(`expected a problem, got the value ${JSON.stringify(result.value)}`);
	return result.problem;
}

describe('toNumber: decimal and finite only', () => {
	it.each<[unknown, number]>([
		['3.46', 3.46],
		['-1.5', -1.5],
		['.5', 0.5],
		['5.', 5],
		['1e3', 1000],
		['1E-2', 0.01],
		[' 12 ', 12],
		[7, 7],
	])('%p → %p', (input, expected) => {
		expect(toNumber(input)).toBe(expected);
	});

	it.each<[unknown]>([['0x10'], ['0b1'], ['0o7'], ['1_000'], ['+5'], ['Infinity'], ['1e999'], ['NaN'], ['1,5'], ['--1'], ['1e'], ['.'], [Number.POSITIVE_INFINITY], [true], [[1]]])(
		'%p → null',
		(input) => {
			expect(toNumber(input)).toBeNull();
		},
	);

	it('toCount takes whole non-negative numbers only', () => {
		expect(toCount('150')).toBe(150);
		expect(toCount(0)).toBe(0);
		expect(toCount('1.5')).toBeNull();
		expect(toCount(-1)).toBeNull();
		expect(toCount('1e300')).toBeNull();
	});
});

describe('toE164: digits with an optional leading + or 00, formatting between them', () => {
	it.each<[unknown, string]>([
		['+1 (202) 555-1234', '+12025551234'],
		['0012025551234', '+12025551234'],
		['44.7700.900123', '+447700900123'],
		[60164432151, '+60164432151'],
	])('%p → %p', (input, expected) => {
		expect(toE164(input)).toBe(expected);
	});

	it.each<[unknown]>([['abc5'], ['5abc'], ['tel:12025551234'], ['12025551234 ext 5'], ['+1 202 555 1234 #'], ['79********1'], ['1234'], ['1234567890123456'], [12.5], [-1], [Number.NaN], [{}], [true]])(
		'%p → null: junk is never made into a phone',
		(input) => {
			expect(toE164(input)).toBeNull();
		},
	);
});

describe('ids, texts, quotes and lists', () => {
	it('asId keeps non-empty strings and whole non-negative numbers, as strings', () => {
		expect(asId(' 2640086027 ')).toBe('2640086027');
		expect(asId(0)).toBe('0');
		expect(asId('usa')).toBe('usa');
		for (const junk of ['', '   ', null, undefined, true, {}, [], 1.5, -1, Number.NaN, 'a\nb', 'x'.repeat(201)]) {
			expect(asId(junk)).toBeNull();
		}
	});

	it('asText takes strings and finite numbers only (an object whose toString throws is no text)', () => {
		expect(asText('x')).toBe('x');
		expect(asText(5)).toBe('5');
		expect(asText({ toString: 1 })).toBeNull();
		expect(asText(Number.POSITIVE_INFINITY)).toBeNull();
	});

	it.each<[string, string]>([
		["'code'", 'code'],
		['" code "', 'code'],
		["  'STATUS_CANCEL'\n", 'STATUS_CANCEL'],
		['"mixed\'', '"mixed\''],
		["''", ''],
		["'", "'"],
	])('unquote(%p) → %p', (input, expected) => {
		expect(unquote(input)).toBe(expected);
	});

	it('asList reads arrays and objects keyed exactly "0".."n-1"; any other object is not a list', () => {
		expect(asList({ 1: 'b', 0: 'a' })).toEqual(['a', 'b']);
		expect(asList({})).toEqual([]);
		expect(asList({ 0: 'a', 2: 'c' })).toBeUndefined();
		expect(asList({ 0: 'a', x: 'b' })).toBeUndefined();
		expect(asList({ title: 'BAD_KEY', details: 'Unauthorized' })).toBeUndefined();
	});

	it('exceedsJsonDepth counts nesting outside strings only', () => {
		expect(exceedsJsonDepth('[[[1]]]', 3)).toBe(false);
		expect(exceedsJsonDepth('[[[[1]]]]', 3)).toBe(true);
		expect(exceedsJsonDepth('{"a":"[[[[[[[[[["}', 3)).toBe(false);
		expect(exceedsJsonDepth('{"a":"\\"[[[[[[[[["}', 3)).toBe(false);
		expect(exceedsJsonDepth('[]'.repeat(100), 1)).toBe(false);
	});
});

describe('a purchase answer wins over the HTTP status', () => {
	it('ACCESS_NUMBER with a 429 or an HTML-ish status is still the number bought', () => {
		for (const status of [429, 500, 503]) {
			expect(valueOf(parseNumber(answer('ACCESS_NUMBER:2640086027:60164432151', status))).activationId).toBe('2640086027');
			expect(valueOf(parseNumberV2(answer('{"activationId":"77","phoneNumber":"12025551234"}', status))).activationId).toBe('77');
		}
	});

	it('an error envelope that also names an activation is still an error', () => {
		expect(problemOf(parseNumberV2(answer('{"title":"NO_BALANCE","activationId":1,"phoneNumber":"12025551234"}', 402))).word).toBe('NO_BALANCE');
	});
});

describe('answerProblem never throws and never takes a success JSON for a sentence', () => {
	it('a catalog entry named like an error sentence is not that error', () => {
		expect(answerProblem(answer('[{"code":"x","name":"No numbers available"}]'))).toBeUndefined();
		expect(answerProblem(answer('[{"code":"x","name":"Invalid API key"}]'))).toBeUndefined();
	});

	it('a status code that reads like a sentence is not that sentence', () => {
		expect(answerProblem(answer('STATUS_OK:invalid key'))).toBeUndefined();
	});

	it('odd answers give a problem or nothing, never a throw', () => {
		for (const body of ['{"title":{"toString":1}}', '{"message":[{"toString":1}]}', '[', '"', "'", '\u0000', '{"__proto__":{"title":"BAD_KEY"}}']) {
			expect(() => answerProblem(answer(body))).not.toThrow();
		}
	});
});

describe('OTPVerified under the same rules', () => {
	it('a service that is not an object, or has no serviceId, makes the answer unexpected', () => {
		expect(problemOf(parseRentalServices(ok(['Google']))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseRentalServices(ok([{ serviceName: 'Google' }]))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseRentalServices(ok([null]))).word).toBe('UNEXPECTED_ANSWER');
	});

	it('data that is an object but not a list is not read as one', () => {
		expect(problemOf(parseRentalServices(ok({ google: { serviceId: 'a', serviceName: 'Google' } }))).word).toBe('UNEXPECTED_ANSWER');
	});

	it('prices are decimal only; a non-finite extra field becomes null; a field named __proto__ stays a field', () => {
		const [service] = valueOf(
			parseRentalServices(answer('{"statusCode":200,"success":true,"data":[{"serviceId":"a","serviceName":"A","price":"0x10","stock":1e999,"__proto__":{"polluted":true}}]}')),
		);
		expect(service.price).toBe('0x10');
		expect(service.stock).toBeNull();
		expect(Object.getPrototypeOf(service)).toBe(Object.prototype);
		expect((service as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('a message without its id makes the answer unexpected, never a blank row', () => {
		expect(problemOf(parseRentalMessages(ok({ messages: [{ orderId: '1', pin: '123456' }] }))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseRentalMessages(ok({ messages: ['G-123456'] }))).word).toBe('UNEXPECTED_ANSWER');
	});

	it('a rental phone made of junk is null; a masked one is kept as given', () => {
		expect(valueOf(parseRental(ok({ orderId: '1', number: 'abc5' }, 201))).phoneNumber).toBeNull();
		const masked = valueOf(parseRental(ok({ orderId: '1', number: '1912*****32' }, 201)));
		expect(masked.phoneNumber).toBeNull();
		expect(masked.phoneMasked).toBe('1912*****32');
	});

	it('an orderId that is not a string or whole number is unexpected', () => {
		for (const orderId of [true, { id: 1 }, 1.5, '  ']) {
			expect(problemOf(parseRental(ok({ orderId, number: '19128648532' }, 201))).word).toBe('UNEXPECTED_ANSWER');
		}
	});

	it('a list of validation messages with things that are not text is still quoted', () => {
		const problem = problemOf(unwrap(answer('{"statusCode":400,"success":false,"message":["duration is invalid",{"toString":1},5]}', 400)));
		expect(problem.message).toContain('duration is invalid; 5');
	});

	it.each([parseRentalServices, parseRental, parseRentalMessages, parseRelease, unwrap])('%p: nesting 100,000 deep is an unexpected answer, never a throw', (parse) => {
		const deep = `${'{"price":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
		const body = `{"statusCode":200,"success":true,"data":[{"serviceId":"a","price":${deep}}]}`;
		expect(problemOf(parse(answer(body))).word).toBe('UNEXPECTED_ANSWER');
	});
});

describe('sentences and success messages', () => {
	it('UNAUTHORIZED in capitals is still the bad-key sentence', () => {
		expect(answerProblem(answer('UNAUTHORIZED', 401))?.word).toBe('BAD_KEY');
	});

	it('a success envelope with a message is not an error envelope', () => {
		expect(answerProblem(answer('{"status":"success","message":"ok"}'))).toBeUndefined();
	});
});

describe('the OTPVerified envelope status', () => {
	it('a statusCode that is not an HTTP status makes a success envelope unexpected (found by the fuzzer)', () => {
		for (const statusCode of ['[8.9e105]', '"ok"', '{}', '1e105', '42']) {
			const body = `{"statusCode":${statusCode},"data":[],"message":"m","success":true}`;
			expect(problemOf(parseRentalServices(answer(body))).word).toBe('UNEXPECTED_ANSWER');
			expect(problemOf(parseRelease(answer(body))).word).toBe('UNEXPECTED_ANSWER');
		}
	});

	it('a numeric or decimal-string status below 400 is fine, and so is none', () => {
		for (const statusCode of ['200', '"201"', 'null']) {
			expect(valueOf(parseRentalServices(answer(`{"statusCode":${statusCode},"data":[],"message":"m","success":true}`)))).toEqual([]);
		}
		expect(valueOf(parseRentalServices(answer('{"data":[],"success":true}')))).toEqual([]);
	});
});
