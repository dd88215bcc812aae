/**
 * Unit tests for the pure normalizers shared by both providers (helpers/normalize.ts) and the pure
 * parts of the transport (transport/answer.ts): transportProblem, unexpectedAnswer, parsed/failed.
 */
import {
	asList,
	codeDigits,
	findCodeInText,
	quote,
	toE164,
	toId,
	toIsoUtc,
	toNumber,
} from '../../nodes/shared/normalize';
import type { HttpAnswer, Parsed, ProviderProblem } from '../../nodes/shared/transport/answer';
import { failed, parsed, transportProblem, unexpectedAnswer } from '../../nodes/shared/transport/answer';

describe('toE164', () => {
	it.each<[unknown, string]>([
		['12025551234', '+12025551234'],
		['+12025551234', '+12025551234'],
		['+1 (202) 555-1234', '+12025551234'],
		['1-202-555-1234', '+12025551234'],
		['0012025551234', '+12025551234'],
		['  0012025551234 ', '+12025551234'],
		['60164432151', '+60164432151'],
		[12025551234, '+12025551234'],
		[447700900123, '+447700900123'],
	])('%p → %p', (input, expected) => {
		expect(toE164(input)).toBe(expected);
	});

	it('always returns a string that starts with + and holds only digits after it', () => {
		const result = toE164(12025551234);
		expect(typeof result).toBe('string');
		expect(result).toMatch(/^\+\d+$/);
	});

	it.each<[unknown]>([[null], [undefined], [''], ['   '], ['abc'], ['+'], ['()-']])(
		'%p has no digits → null',
		(input) => {
			expect(toE164(input)).toBeNull();
		},
	);

	it('does not strip a single leading zero (only the 00 international prefix)', () => {
		expect(toE164('07700900123')).toBe('+07700900123');
	});
});

describe('toNumber', () => {
	it.each<[unknown, number]>([
		[3.46, 3.46],
		[0, 0],
		[-1.5, -1.5],
		['3.46', 3.46],
		['25.50', 25.5],
		[' 12 ', 12],
		['0', 0],
		['0.10', 0.1],
		['1e3', 1000],
	])('%p → %p', (input, expected) => {
		const result = toNumber(input);
		expect(typeof result).toBe('number');
		expect(result).toBe(expected);
	});

	it.each<[unknown]>([
		[null],
		[undefined],
		[''],
		['   '],
		['abc'],
		['3.46 USD'],
		['25,50'],
		[Number.NaN],
		[Number.POSITIVE_INFINITY],
		['Infinity'],
		[true],
		[{}],
		[[]],
		[['3']],
	])('%p is not a number → null', (input) => {
		expect(toNumber(input)).toBeNull();
	});
});

describe('toId', () => {
	it('keeps string ids as they are (trimmed)', () => {
		expect(toId('2640086027')).toBe('2640086027');
		expect(toId(' 52608714 ')).toBe('52608714');
		expect(toId('b903e75c')).toBe('b903e75c');
	});

	it('turns numeric ids into strings', () => {
		expect(toId(765268)).toBe('765268');
		expect(typeof toId(765268)).toBe('string');
	});

	it('keeps ids beyond signed and unsigned 32 bits exactly', () => {
		// 2640086027 broke a client that read ids as signed 32-bit integers.
		expect(Number('2640086027')).toBeGreaterThan(2 ** 31 - 1);
		expect(toId('2640086027')).toBe('2640086027');
		expect(toId(2640086027)).toBe('2640086027');
		expect(Number('60164432151')).toBeGreaterThan(2 ** 32);
		expect(toId(60164432151)).toBe('60164432151');
	});

	it('keeps a string id beyond 2^53 digit for digit', () => {
		expect(toId('12345678901234567890')).toBe('12345678901234567890');
	});

	it('returns an empty string for null and undefined', () => {
		expect(toId(null)).toBe('');
		expect(toId(undefined)).toBe('');
	});

	it('keeps 0 as "0" (not empty)', () => {
		expect(toId(0)).toBe('0');
	});
});

describe('codeDigits', () => {
	it.each<[unknown, string]>([
		['G-276964', '276964'],
		['276964', '276964'],
		['123-456', '123456'],
		['12:34', '1234'],
		['AB12cd34', '1234'],
		[276964, '276964'],
	])('%p → %p', (input, expected) => {
		expect(codeDigits(input)).toBe(expected);
	});

	it('keeps leading zeros (a code is a string, not a number)', () => {
		expect(codeDigits('G-012345')).toBe('012345');
	});

	it.each<[unknown]>([[null], [undefined], [''], ['ABC-DEF'], ['-']])('%p has no digits → null', (input) => {
		expect(codeDigits(input)).toBeNull();
	});
});

describe('findCodeInText', () => {
	it('finds a 6-digit code in an SMS', () => {
		expect(findCodeInText('Your WhatsApp code: 276964. Do not share it.')).toBe('276964');
	});

	it('finds 4- and 8-digit codes', () => {
		expect(findCodeInText('Code 1234')).toBe('1234');
		expect(findCodeInText('Code 12345678')).toBe('12345678');
	});

	it('ignores runs shorter than 4 digits and longer than 8', () => {
		expect(findCodeInText('Use 123 or 12')).toBeNull();
		expect(findCodeInText('Call 123456789012 now')).toBeNull();
	});

	it('prefers the longest run of 4 to 8 digits', () => {
		expect(findCodeInText('Order 2025 confirmed, your code is 654321')).toBe('654321');
		expect(findCodeInText('654321 is your code for order 2025')).toBe('654321');
	});

	it('keeps the first of equally long runs', () => {
		expect(findCodeInText('1111 then 2222')).toBe('1111');
	});

	it('keeps leading zeros', () => {
		expect(findCodeInText('Your code is 004321')).toBe('004321');
	});

	it('returns null when there is no code or no text', () => {
		expect(findCodeInText('Welcome to the service!')).toBeNull();
		expect(findCodeInText('')).toBeNull();
		expect(findCodeInText(null)).toBeNull();
		expect(findCodeInText(undefined)).toBeNull();
		expect(findCodeInText(123456)).toBeNull();
	});
});

describe('toIsoUtc', () => {
	it('reads UTC without a zone (OTPVerified purchased/expires)', () => {
		expect(toIsoUtc('2025-04-26 12:43:00')).toBe('2025-04-26T12:43:00.000Z');
	});

	it('reads a time without seconds as UTC', () => {
		expect(toIsoUtc('2025-04-26 12:43')).toBe('2025-04-26T12:43:00.000Z');
	});

	it('reads a T separator without a zone as UTC', () => {
		expect(toIsoUtc('2025-04-26T12:43:00')).toBe('2025-04-26T12:43:00.000Z');
	});

	it('reads EDT as UTC-4', () => {
		expect(toIsoUtc('2025-07-11 13:50:49 EDT')).toBe('2025-07-11T17:50:49.000Z');
	});

	it('reads EST as UTC-5', () => {
		expect(toIsoUtc('2025-01-11 13:50:49 EST')).toBe('2025-01-11T18:50:49.000Z');
	});

	it.each<[string, string]>([
		['2025-07-11 13:50:49 CDT', '2025-07-11T18:50:49.000Z'],
		['2025-01-11 13:50:49 CST', '2025-01-11T19:50:49.000Z'],
		['2025-07-11 13:50:49 MDT', '2025-07-11T19:50:49.000Z'],
		['2025-01-11 13:50:49 MST', '2025-01-11T20:50:49.000Z'],
		['2025-07-11 13:50:49 PDT', '2025-07-11T20:50:49.000Z'],
		['2025-01-11 13:50:49 PST', '2025-01-11T21:50:49.000Z'],
		['2025-07-11 13:50:49 AKDT', '2025-07-11T21:50:49.000Z'],
		['2025-01-11 13:50:49 AKST', '2025-01-11T22:50:49.000Z'],
		['2025-01-11 13:50:49 HST', '2025-01-11T23:50:49.000Z'],
		['2025-01-11 13:50:49 UTC', '2025-01-11T13:50:49.000Z'],
		['2025-01-11 13:50:49 GMT', '2025-01-11T13:50:49.000Z'],
	])('%p → %p', (input, expected) => {
		expect(toIsoUtc(input)).toBe(expected);
	});

	it('reads the zone case-insensitively', () => {
		expect(toIsoUtc('2025-07-11 13:50:49 edt')).toBe('2025-07-11T17:50:49.000Z');
	});

	it('crosses midnight into the next UTC day', () => {
		expect(toIsoUtc('2025-07-11 22:30:00 EDT')).toBe('2025-07-12T02:30:00.000Z');
	});

	it('crosses the year boundary', () => {
		expect(toIsoUtc('2024-12-31 23:00:00 EST')).toBe('2025-01-01T04:00:00.000Z');
	});

	it('trims surrounding whitespace', () => {
		expect(toIsoUtc('  2025-04-26 12:43:00\n')).toBe('2025-04-26T12:43:00.000Z');
	});

	it('reads ISO 8601 with Z', () => {
		expect(toIsoUtc('2025-04-26T12:43:00Z')).toBe('2025-04-26T12:43:00.000Z');
	});

	it('reads ISO 8601 with an offset', () => {
		expect(toIsoUtc('2025-04-26T12:43:00+02:00')).toBe('2025-04-26T10:43:00.000Z');
		expect(toIsoUtc('2025-04-26T12:43:00-0500')).toBe('2025-04-26T17:43:00.000Z');
	});

	it('reads ISO 8601 with fractional seconds and an offset', () => {
		expect(toIsoUtc('2025-04-26T12:43:00.250+00:00')).toBe('2025-04-26T12:43:00.250Z');
	});

	it.each<[string]>([
		['2025-07-11 13:50:49 XYZ'],
		['2025-07-11 13:50:49 CEST'],
		['2025-07-11 13:50:49 BST'],
		['2025-07-11 13:50:49 IST'],
	])('an unknown zone (%p) cannot be placed → null', (input) => {
		expect(toIsoUtc(input)).toBeNull();
	});

	it.each<[unknown]>([
		[null],
		[undefined],
		[''],
		['   '],
		['yesterday'],
		['11/07/2025 13:50'],
		['2025-07-11'],
		['Fri Jul 11 2025 13:50:49'],
		[1752256249000],
		[{}],
	])('%p is not a provider time → null', (input) => {
		expect(toIsoUtc(input)).toBeNull();
	});

	it('returns a string that Date reads back to the same instant', () => {
		const iso = toIsoUtc('2025-07-11 13:50:49 EDT');
		expect(iso).not.toBeNull();
		expect(new Date(iso as string).toISOString()).toBe(iso);
		expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});
});

describe('asList', () => {
	it('returns an array as it is', () => {
		const list = [{ id: 'usa' }, { id: 'england' }];
		expect(asList(list)).toBe(list);
	});

	it('reads an object keyed "0", "1" as a list, in order', () => {
		expect(asList({ '0': { id: 'usa' }, '1': { id: 'england' } })).toEqual([{ id: 'usa' }, { id: 'england' }]);
	});

	it('reads {} and [] as an empty list', () => {
		expect(asList({})).toEqual([]);
		expect(asList([])).toEqual([]);
	});

	it.each<[unknown]>([[null], [undefined], ['text'], [42], [true]])('%p is not a list → undefined', (input) => {
		expect(asList(input)).toBeUndefined();
	});
});

describe('quote', () => {
	it('keeps a short text as it is', () => {
		expect(quote('NO_NUMBERS')).toBe('NO_NUMBERS');
	});

	it('puts the text on one line and trims it', () => {
		expect(quote('  line one\n\n\tline two  \r\n')).toBe('line one line two');
	});

	it('keeps a text of exactly the maximum length', () => {
		const text = 'x'.repeat(120);
		expect(quote(text)).toBe(text);
	});

	it('shortens a long text to the maximum length, ending with …', () => {
		const text = 'a'.repeat(500);
		const result = quote(text);
		expect(result).toHaveLength(120);
		expect(result.endsWith('…')).toBe(true);
		expect(result.slice(0, 119)).toBe('a'.repeat(119));
	});

	it('honours a custom maximum length', () => {
		expect(quote('abcdefghij', 5)).toBe('abcd…');
		expect(quote('abcde', 5)).toBe('abcde');
	});
});

describe('parsed / failed', () => {
	it('parsed wraps a value as ok', () => {
		const result: Parsed<number> = parsed(25.5);
		expect(result).toEqual({ ok: true, value: 25.5 });
	});

	it('failed wraps a problem as not ok', () => {
		const problem: ProviderProblem = { word: 'X', message: 'm', description: 'd', transient: false };
		const result: Parsed<number> = failed(problem);
		expect(result).toEqual({ ok: false, problem });
		expect(result.ok).toBe(false);
	});
});

describe('transportProblem', () => {
	const answer = (statusCode: number, body: string, retryAfterMs?: number): HttpAnswer => ({
		statusCode,
		body,
		retryAfterMs,
	});

	it('returns nothing for an ordinary body', () => {
		expect(transportProblem('RentVerify', answer(200, 'ACCESS_BALANCE:25.50'))).toBeUndefined();
		expect(transportProblem('RentVerify', answer(401, 'BAD_KEY'))).toBeUndefined();
		expect(transportProblem('OTPVerified', answer(200, '{"success":true}'))).toBeUndefined();
	});

	it('429 is transient and carries Retry-After', () => {
		const problem = transportProblem('RentVerify', answer(429, 'Too Many Requests', 7000));
		expect(problem).toMatchObject({ word: 'HTTP_429', transient: true, retryAfterMs: 7000 });
		expect(problem?.message).toContain('RentVerify');
		expect(problem?.message).toContain('429');
	});

	it('429 wins over the body, even an empty or HTML one', () => {
		expect(transportProblem('X', answer(429, ''))?.word).toBe('HTTP_429');
		expect(transportProblem('X', answer(429, '<html><body>slow down</body></html>'))?.word).toBe('HTTP_429');
		expect(transportProblem('X', answer(429, 'NO_NUMBERS'))?.word).toBe('HTTP_429');
	});

	it('429 without Retry-After is still transient', () => {
		const problem = transportProblem('X', answer(429, ''));
		expect(problem?.transient).toBe(true);
		expect(problem?.retryAfterMs).toBeUndefined();
	});

	it('an HTML page on 5xx is transient and quotes the title', () => {
		const problem = transportProblem(
			'RentVerify',
			answer(502, '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'),
		);
		expect(problem).toMatchObject({ word: 'HTML_PAGE', transient: true });
		expect(problem?.message).toContain('"502 Bad Gateway"');
		expect(problem?.message).toContain('HTTP 502');
		expect(problem?.message).toContain('RentVerify');
	});

	it('an HTML page on 4xx is not transient and points at the base URL', () => {
		const problem = transportProblem(
			'OTPVerified',
			answer(404, '<html><head><title>Not Found</title></head><body>404</body></html>'),
		);
		expect(problem).toMatchObject({ word: 'HTML_PAGE', transient: false });
		expect(problem?.message).toContain('"Not Found"');
		expect(problem?.description).toMatch(/base URL/);
	});

	it('an HTML page on 200 is not transient', () => {
		const problem = transportProblem('X', answer(200, '<html><body>Welcome</body></html>'));
		expect(problem).toMatchObject({ word: 'HTML_PAGE', transient: false });
	});

	it('recognises HTML after leading whitespace, in any case, and XML', () => {
		expect(transportProblem('X', answer(500, '\n  <HTML><BODY>x</BODY></HTML>'))?.word).toBe('HTML_PAGE');
		expect(transportProblem('X', answer(500, '<!doctype html><p>x'))?.word).toBe('HTML_PAGE');
		expect(transportProblem('X', answer(500, '<?xml version="1.0"?><error/>'))?.word).toBe('HTML_PAGE');
	});

	it('an HTML page without a title names no title', () => {
		const problem = transportProblem('X', answer(503, '<html><body>down</body></html>'));
		expect(problem?.message).not.toContain('"');
		expect(problem?.message).toContain('HTTP 503');
	});

	it('shortens a long title', () => {
		const title = 'T'.repeat(300);
		const problem = transportProblem('X', answer(500, `<html><head><title>${title}</title></head></html>`));
		expect(problem?.message).toContain(`"${'T'.repeat(59)}…"`);
		expect(problem?.message).not.toContain('T'.repeat(61));
	});

	it('an empty or whitespace-only body is a transient problem', () => {
		for (const body of ['', '   ', '\n\r\n']) {
			const problem = transportProblem('RentVerify', answer(200, body));
			expect(problem).toMatchObject({ word: 'EMPTY_BODY', transient: true });
			expect(problem?.message).toContain('HTTP 200');
		}
	});
});

describe('unexpectedAnswer', () => {
	it('quotes the answer and names the provider and status', () => {
		const problem = unexpectedAnswer('RentVerify', { statusCode: 200, body: 'SOMETHING_NEW' });
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.message).toContain('RentVerify');
		expect(problem.message).toContain('"SOMETHING_NEW"');
		expect(problem.message).toContain('HTTP 200');
		expect(problem.transient).toBe(false);
	});

	it('is transient on 5xx only', () => {
		expect(unexpectedAnswer('X', { statusCode: 500, body: 'x' }).transient).toBe(true);
		expect(unexpectedAnswer('X', { statusCode: 503, body: 'x' }).transient).toBe(true);
		expect(unexpectedAnswer('X', { statusCode: 404, body: 'x' }).transient).toBe(false);
		expect(unexpectedAnswer('X', { statusCode: 201, body: 'x' }).transient).toBe(false);
	});

	it('shortens a long answer with …', () => {
		const body = `START${'z'.repeat(1000)}`;
		const problem = unexpectedAnswer('X', { statusCode: 200, body });
		expect(problem.message).toContain(`"START${'z'.repeat(114)}…"`);
		expect(problem.message.length).toBeLessThan(250);
	});
});
