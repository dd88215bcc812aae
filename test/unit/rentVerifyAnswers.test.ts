/**
 * Unit tests for RentVerify's pure parsers (365sms / sms-activate words), against docs/PROVIDERS.md.
 * Every parser takes an HttpAnswer and returns { ok: true, value } or { ok: false, problem }.
 */
import type { HttpAnswer, Parsed, ProviderProblem } from '../../nodes/shared/transport/answer';
import {
	PROVIDER,
	answerProblem,
	cleanText,
	parseActiveActivations,
	parseBalance,
	parseCancel,
	parseCountries,
	parseNumber,
	parsePrices,
	parseServices,
	parseStatus,
	splitWord,
} from '../../nodes/shared/transport/rentVerifyAnswers';

const answer = (body: string, statusCode = 200, retryAfterMs?: number): HttpAnswer =>
	retryAfterMs === undefined ? { statusCode, body } : { statusCode, body, retryAfterMs };

function valueOf<T>(result: Parsed<T>): T {
	if (!result.ok) throw new Error(`expected a value, got the problem ${JSON.stringify(result.problem)}`);
	return result.value;
}

function problemOf<T>(result: Parsed<T>): ProviderProblem {
	if (result.ok) throw new Error(`expected a problem, got the value ${JSON.stringify(result.value)}`);
	return result.problem;
}

/** Every parser for a plain or JSON success answer, by name, so a rule can be checked on each of them. */
const PARSERS: Array<[string, (a: HttpAnswer) => Parsed<unknown>]> = [
	['parseBalance', parseBalance],
	['parseNumber', parseNumber],
	['parseStatus', parseStatus],
	['parseCancel', parseCancel],
	['parseCountries', parseCountries],
	['parseServices', parseServices],
	['parsePrices', parsePrices],
	['parseActiveActivations', parseActiveActivations],
];

/** Parsers for which no answer but their own success word is a success (cancel has its own refusal word). */
const SUCCESS_PARSERS = PARSERS.filter(([name]) => name !== 'parseCancel');

it('names the provider as users know it', () => {
	expect(PROVIDER).toBe('RentVerify');
});

describe('cleanText', () => {
	it.each<[string, string]>([
		['ACCESS_CANCEL', 'ACCESS_CANCEL'],
		['ACCESS_CANCEL\n', 'ACCESS_CANCEL'],
		['  ACCESS_CANCEL \r\n', 'ACCESS_CANCEL'],
		['"ACCESS_CANCEL"', 'ACCESS_CANCEL'],
		['"ACCESS_CANCEL"\n', 'ACCESS_CANCEL'],
		['" ACCESS_CANCEL "', 'ACCESS_CANCEL'],
		['"STATUS_OK:12:34"', 'STATUS_OK:12:34'],
		['""', ''],
		['"', '"'],
		['"ACCESS_CANCEL', '"ACCESS_CANCEL'],
		['[{"id":"usa"}]', '[{"id":"usa"}]'],
	])('%p → %p', (body, expected) => {
		expect(cleanText(body)).toBe(expected);
	});
});

describe('splitWord', () => {
	it('returns a bare word without rest', () => {
		expect(splitWord('STATUS_WAIT_CODE')).toEqual({ word: 'STATUS_WAIT_CODE' });
		expect(splitWord('STATUS_WAIT_CODE').rest).toBeUndefined();
	});

	it('splits on the first colon only', () => {
		expect(splitWord('STATUS_OK:12:34')).toEqual({ word: 'STATUS_OK', rest: '12:34' });
		expect(splitWord('BANNED:2025-07-11 13:50:49')).toEqual({ word: 'BANNED', rest: '2025-07-11 13:50:49' });
	});

	it('keeps an empty rest after a trailing colon', () => {
		expect(splitWord('STATUS_OK:')).toEqual({ word: 'STATUS_OK', rest: '' });
	});
});

// The RentVerify words of docs/PROVIDERS.md and the extra 365sms words the module knows, each with the HTTP
// status a server may send it with. The body decides: the same word with 200 gives the same problem.
const ERROR_WORDS: Array<[word: string, status: number, transient: boolean]> = [
	['BAD_KEY', 401, false],
	['NO_ACTIVATION', 403, false],
	['BAD_ACTION', 400, false],
	['NO_NUMBERS', 404, false],
	['NO_NUMBERS', 503, false],
	['NO_BALANCE', 402, false],
	['BAD_SERVICE', 400, false],
	['BAD_STATUS', 400, false],
	['WRONG_ACTIVATION_ID', 404, false],
	['ERROR_SQL', 500, true],
	['BANNED', 403, false],
	['WRONG_MAX_PRICE', 400, false],
	['EARLY_CANCEL_DENIED', 409, false],
	['ACCOUNT_INACTIVE', 403, false],
];

describe('answerProblem: error words', () => {
	describe.each(ERROR_WORDS)('%s (HTTP %i)', (word, status, transient) => {
		it('is a problem with HTTP 200', () => {
			const problem = answerProblem(answer(word, 200));
			expect(problem).toBeDefined();
			expect(problem?.word).toBe(word);
			expect(problem?.message).toContain(`(${word})`);
			expect(problem?.description.length).toBeGreaterThan(10);
			expect(problem?.transient).toBe(transient);
		});

		it(`is the same problem with HTTP ${status}`, () => {
			expect(answerProblem(answer(word, status))).toEqual(answerProblem(answer(word, 200)));
		});

		it('is the same problem when wrapped in quotes or followed by whitespace', () => {
			const expected = answerProblem(answer(word, status));
			expect(answerProblem(answer(`"${word}"`, status))).toEqual(expected);
			expect(answerProblem(answer(`${word}\n`, status))).toEqual(expected);
			expect(answerProblem(answer(`  ${word} \r\n\r\n`, status))).toEqual(expected);
			expect(answerProblem(answer(`"${word}"\n`, status))).toEqual(expected);
		});

		it('is the same problem in the JSON error forms', () => {
			const expected = answerProblem(answer(word, 200));
			expect(answerProblem(answer(JSON.stringify({ status: 'error', error: word }), status))).toEqual(expected);
			expect(answerProblem(answer(JSON.stringify({ error: word, message: 'Something went wrong' }), status))).toEqual(
				expected,
			);
		});

		it.each(PARSERS)('%s returns it, never a value', (_name, parse) => {
			expect(problemOf(parse(answer(word, 200)))).toEqual(answerProblem(answer(word, 200)));
			expect(problemOf(parse(answer(word, status)))).toEqual(answerProblem(answer(word, 200)));
		});
	});

	it('explains each word in its own terms', () => {
		expect(answerProblem(answer('BAD_KEY'))?.description).toMatch(/token/i);
		expect(answerProblem(answer('NO_BALANCE'))?.message).toMatch(/balance/i);
		expect(answerProblem(answer('NO_BALANCE'))?.description).toMatch(/Nothing was bought/);
		expect(answerProblem(answer('NO_NUMBERS'))?.message).toMatch(/no numbers/i);
		expect(answerProblem(answer('NO_NUMBERS'))?.description).toMatch(/Nothing was bought/);
		expect(answerProblem(answer('BAD_ACTION'))?.message).toMatch(/parameters/i);
		expect(answerProblem(answer('NO_ACTIVATION'))?.description).toMatch(/role/);
		expect(answerProblem(answer('ERROR_SQL'))?.message).toMatch(/database/i);
		expect(answerProblem(answer('ACCOUNT_INACTIVE'))?.message).toMatch(/inactive/i);
	});

	it('names the provider in every word message', () => {
		for (const word of ['BAD_KEY', 'NO_ACTIVATION', 'BAD_ACTION', 'NO_NUMBERS', 'NO_BALANCE', 'ERROR_SQL', 'BANNED']) {
			expect(answerProblem(answer(word))?.message).toMatch(/RentVerify/);
		}
	});

	it('BANNED bare says nothing about a time', () => {
		const problem = answerProblem(answer('BANNED', 403));
		expect(problem?.word).toBe('BANNED');
		expect(problem?.message).not.toContain('until');
	});

	it.each<[string, string]>([
		['BANNED:2025-07-11 13:50:49', '2025-07-11 13:50:49'],
		['BANNED:2025-07-11T13:50:49', '2025-07-11T13:50:49'],
		// The family's docs write `BANNED:'YYYY-m-d H-i-s'`: the one pair of quotes comes off.
		["BANNED:'2025-07-11 13:50:49'", '2025-07-11 13:50:49'],
		['BANNED:1752256249', '1752256249'],
	])('%s keeps the whole time, colons included', (body, until) => {
		for (const status of [200, 403]) {
			const problem = answerProblem(answer(body, status));
			expect(problem?.word).toBe('BANNED');
			expect(problem?.message).toContain(`until ${until}`);
			expect(problem?.transient).toBe(false);
		}
	});

	it('BANNED with a time in a JSON error keeps the time', () => {
		const problem = answerProblem(answer('{"status":"error","error":"BANNED:2025-07-11 13:50:49"}', 403));
		expect(problem?.word).toBe('BANNED');
		expect(problem?.message).toContain('until 2025-07-11 13:50:49');
	});

	it('WRONG_MAX_PRICE:<min> gives the lowest price', () => {
		for (const status of [200, 400, 409]) {
			const problem = answerProblem(answer('WRONG_MAX_PRICE:0.35', status));
			expect(problem?.word).toBe('WRONG_MAX_PRICE');
			expect(problem?.message).toContain('lowest price now is 0.35');
			expect(problem?.description).toMatch(/Nothing was bought/);
		}
	});

	it('WRONG_MAX_PRICE bare names no price', () => {
		const problem = answerProblem(answer('WRONG_MAX_PRICE'));
		expect(problem?.word).toBe('WRONG_MAX_PRICE');
		expect(problem?.message).not.toContain('lowest price');
	});

	it('ERROR_SQL is transient whatever the status', () => {
		expect(answerProblem(answer('ERROR_SQL', 200))?.transient).toBe(true);
		expect(answerProblem(answer('ERROR_SQL', 500))?.transient).toBe(true);
		expect(answerProblem(answer('ERROR_SQL', 400))?.transient).toBe(true);
	});

	it('a word error is not transient because of a 5xx status', () => {
		expect(answerProblem(answer('NO_NUMBERS', 503))?.transient).toBe(false);
		expect(answerProblem(answer('BAD_KEY', 500))?.transient).toBe(false);
	});
});

describe('answerProblem: JSON error forms', () => {
	it('{"status":"error","error":"NO_NUMBERS"}', () => {
		const problem = answerProblem(answer('{"status":"error","error":"NO_NUMBERS"}', 200));
		expect(problem?.word).toBe('NO_NUMBERS');
		expect(problem).toEqual(answerProblem(answer('NO_NUMBERS')));
	});

	it('{"error":"BAD_KEY","message":"…"} takes the word over the message', () => {
		const problem = answerProblem(answer('{"error":"BAD_KEY","message":"The token you sent is not valid"}', 401));
		expect(problem?.word).toBe('BAD_KEY');
		expect(problem).toEqual(answerProblem(answer('BAD_KEY')));
	});

	it('{"message":"Unauthenticated."} is BAD_KEY', () => {
		for (const status of [200, 401]) {
			const problem = answerProblem(answer('{"message":"Unauthenticated."}', status));
			expect(problem?.word).toBe('BAD_KEY');
			expect(problem).toEqual(answerProblem(answer('BAD_KEY')));
		}
	});

	it('a JSON sentence maps to its word', () => {
		expect(answerProblem(answer('{"status":"error","message":"Insufficient balance"}', 402))?.word).toBe('NO_BALANCE');
		expect(answerProblem(answer('{"status":"error","message":"No numbers available"}', 404))?.word).toBe('NO_NUMBERS');
		expect(answerProblem(answer('{"message":"Invalid API key"}', 401))?.word).toBe('BAD_KEY');
	});

	it('a JSON error with an unknown word quotes it', () => {
		const problem = answerProblem(answer('{"status":"error","error":"SOMETHING_NEW"}', 400));
		expect(problem?.word).toBe('SOMETHING_NEW');
		expect(problem?.message).toContain('"SOMETHING_NEW"');
		expect(problem?.message).toContain('HTTP 400');
		expect(problem?.transient).toBe(false);
	});

	it('a JSON error with an unknown sentence quotes the message', () => {
		const problem = answerProblem(answer('{"status":"error","message":"The service tg is under maintenance"}', 400));
		expect(problem?.word).toBe('ERROR');
		expect(problem?.message).toContain('"The service tg is under maintenance"');
		expect(problem?.transient).toBe(false);
	});

	it('an unknown JSON error on 5xx is transient, on 4xx it is not', () => {
		expect(answerProblem(answer('{"status":"error","message":"Server Error"}', 500))?.transient).toBe(true);
		expect(answerProblem(answer('{"status":"error","message":"Server Error"}', 422))?.transient).toBe(false);
	});

	it('shortens a long JSON error message with …', () => {
		const long = `Upstream failure ${'x'.repeat(400)}`;
		const problem = answerProblem(answer(JSON.stringify({ status: 'error', message: long }), 500));
		expect(problem?.message).toContain('…');
		expect(problem?.message).not.toContain('x'.repeat(200));
	});

	it('a JSON body that is not an error is no problem', () => {
		expect(answerProblem(answer('[{"id":"usa","name":"USA"}]'))).toBeUndefined();
		expect(answerProblem(answer('{"usa":{"tg":{"price":0.5,"available":3,"price_id":"p1"}}}'))).toBeUndefined();
		expect(answerProblem(answer('{}'))).toBeUndefined();
		expect(answerProblem(answer('{"status":"success","activeActivations":[]}'))).toBeUndefined();
	});

	it('broken JSON is no known problem (the parser then calls it unexpected)', () => {
		expect(answerProblem(answer('{"status":"error","error":'))).toBeUndefined();
		expect(problemOf(parseCountries(answer('{"status":"error","error":', 500))).word).toBe('UNEXPECTED_ANSWER');
	});
});

describe('answerProblem: English sentences', () => {
	it.each<[string, string]>([
		['Unauthenticated.', 'BAD_KEY'],
		['Unauthenticated', 'BAD_KEY'],
		['Unauthorized', 'BAD_KEY'],
		['Invalid API key', 'BAD_KEY'],
		['Invalid token.', 'BAD_KEY'],
		['Insufficient balance', 'NO_BALANCE'],
		['Insufficient funds on your account', 'NO_BALANCE'],
		['No numbers available', 'NO_NUMBERS'],
		['No free numbers available for this service', 'NO_NUMBERS'],
		['Sorry, no numbers are available right now.', 'NO_NUMBERS'],
	])('%p → %s, whatever the status', (sentence, word) => {
		const expected = answerProblem(answer(word));
		for (const status of [200, 400, 401, 402, 404]) {
			expect(answerProblem(answer(sentence, status))).toEqual(expected);
			expect(answerProblem(answer(`"${sentence}"\n`, status))).toEqual(expected);
		}
	});
});

describe('near-collisions are different words', () => {
	it('NO_ACTIVATIONS is not NO_ACTIVATION', () => {
		expect(answerProblem(answer('NO_ACTIVATIONS'))).toBeUndefined();
		expect(answerProblem(answer('NO_ACTIVATION'))?.word).toBe('NO_ACTIVATION');
	});

	it('NO_NUMBER is not NO_NUMBERS', () => {
		expect(answerProblem(answer('NO_NUMBER'))).toBeUndefined();
		expect(answerProblem(answer('NO_NUMBER', 404))).toBeUndefined();
		expect(problemOf(parseNumber(answer('NO_NUMBER', 404))).word).not.toBe('NO_NUMBERS');
	});

	it('NO_NUMBER is an unexpected answer that quotes it', () => {
		const problem = problemOf(parseNumber(answer('NO_NUMBER')));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.message).toContain('"NO_NUMBER"');
	});

	it('NO_ACTIVATIONS outside the active list is an unexpected answer that quotes it', () => {
		const problem = problemOf(parseStatus(answer('NO_ACTIVATIONS')));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.message).toContain('"NO_ACTIVATIONS"');
	});

	it('in JSON, NO_NUMBER and NO_ACTIVATIONS keep their own word', () => {
		expect(answerProblem(answer('{"status":"error","error":"NO_NUMBER"}'))?.word).toBe('NO_NUMBER');
		expect(answerProblem(answer('{"status":"error","error":"NO_ACTIVATIONS"}'))?.word).not.toBe('NO_ACTIVATION');
	});

	it('NO_ACTIVATIONS in JSON is never read as NO_ACTIVATION by the active list', () => {
		const result = parseActiveActivations(answer('{"status":"error","error":"NO_ACTIVATIONS"}'));
		if (!result.ok) expect(result.problem.word).not.toBe('NO_ACTIVATION');
		else expect(result.value).toEqual([]);
	});

	it.each<[string]>([['BAD_KEYS'], ['NO_BALANCES'], ['NO_NUMBERS_AVAILABLE'], ['XBAD_KEY'], ['BANNEDX'], ['bad_key']])(
		'%s is not a known word',
		(body) => {
			expect(answerProblem(answer(body))).toBeUndefined();
			const problem = problemOf(parseBalance(answer(body)));
			expect(problem.word).toBe('UNEXPECTED_ANSWER');
			expect(problem.message).toContain(`"${body}"`);
		},
	);
});

describe('transport problems through the RentVerify parsers', () => {
	const html502 =
		'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>';
	const html404 = '<html><head><title>404 Not Found</title></head><body>Not Found</body></html>';

	it.each(PARSERS)('%s: an HTML page on 5xx is transient and quotes the title', (_name, parse) => {
		const problem = problemOf(parse(answer(html502, 502)));
		expect(problem.word).toBe('HTML_PAGE');
		expect(problem.transient).toBe(true);
		expect(problem.message).toContain('"502 Bad Gateway"');
		expect(problem.message).toContain('RentVerify');
	});

	it.each(PARSERS)('%s: an HTML page on 4xx is not transient', (_name, parse) => {
		const problem = problemOf(parse(answer(html404, 404)));
		expect(problem.word).toBe('HTML_PAGE');
		expect(problem.transient).toBe(false);
		expect(problem.message).toContain('"404 Not Found"');
	});

	it.each(PARSERS)('%s: an empty body is a transient problem', (_name, parse) => {
		const problem = problemOf(parse(answer('', 200)));
		expect(problem.word).toBe('EMPTY_BODY');
		expect(problem.transient).toBe(true);
		expect(problemOf(parse(answer(' \n', 200))).word).toBe('EMPTY_BODY');
	});

	it.each(PARSERS)('%s: 429 is transient and carries Retry-After', (_name, parse) => {
		const problem = problemOf(parse(answer('Too Many Attempts.', 429, 30_000)));
		expect(problem.word).toBe('HTTP_429');
		expect(problem.transient).toBe(true);
		expect(problem.retryAfterMs).toBe(30_000);
	});

	it('429 wins even over a success word', () => {
		expect(problemOf(parseBalance(answer('ACCESS_BALANCE:25.50', 429))).word).toBe('HTTP_429');
	});
});

describe('unknown answers are never success', () => {
	it.each(SUCCESS_PARSERS)('%s: an unknown word is an error that quotes it', (_name, parse) => {
		for (const body of ['SOMETHING_NEW', 'ACCESS_READY', 'OK', 'true', 'null', 'ACCESS_ACTIVATION']) {
			const problem = problemOf(parse(answer(body)));
			expect(problem.word).toBe('UNEXPECTED_ANSWER');
			expect(problem.message).toContain(`"${body}"`);
			expect(problem.message).toContain('RentVerify');
			expect(problem.message).toContain('HTTP 200');
			expect(problem.transient).toBe(false);
		}
	});

	it.each(SUCCESS_PARSERS)('%s: an unknown word on 5xx is transient', (_name, parse) => {
		const problem = problemOf(parse(answer('SOMETHING_NEW', 500)));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.transient).toBe(true);
	});

	it.each(SUCCESS_PARSERS)('%s: a long unknown answer is shortened with …', (_name, parse) => {
		const body = `WEIRD_${'A'.repeat(1000)}`;
		const problem = problemOf(parse(answer(body)));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.message).toContain(`"WEIRD_${'A'.repeat(113)}…"`);
		expect(problem.message.length).toBeLessThan(300);
	});

	it('a multi-line unknown answer is quoted on one line', () => {
		const problem = problemOf(parseStatus(answer('Something\nwent\n\nwrong')));
		expect(problem.message).toContain('"Something went wrong"');
	});
});

describe('parseBalance', () => {
	it('ACCESS_BALANCE:25.50 → 25.5 as a number', () => {
		const balance = valueOf(parseBalance(answer('ACCESS_BALANCE:25.50')));
		expect(balance).toBe(25.5);
		expect(typeof balance).toBe('number');
	});

	it.each<[string, number]>([
		['ACCESS_BALANCE:0', 0],
		['ACCESS_BALANCE:0.00', 0],
		['ACCESS_BALANCE:100', 100],
		['ACCESS_BALANCE:1234.5678', 1234.5678],
		['"ACCESS_BALANCE:25.50"', 25.5],
		['ACCESS_BALANCE:25.50\n', 25.5],
		['  ACCESS_BALANCE:25.50  \r\n', 25.5],
		['"ACCESS_BALANCE:25.50"\n', 25.5],
	])('%p → %p', (body, expected) => {
		expect(valueOf(parseBalance(answer(body)))).toBe(expected);
	});

	it.each<[string]>([
		['ACCESS_BALANCE'],
		['ACCESS_BALANCE:'],
		['ACCESS_BALANCE:abc'],
		['ACCESS_BALANCE:25.50:1'],
		['ACCESS_BALANCE:25,50'],
		['25.50'],
		['BALANCE:25.50'],
	])('%p is not a balance → an unexpected answer that quotes it', (body) => {
		const problem = problemOf(parseBalance(answer(body)));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.message).toContain(`"${body}"`);
	});
});

describe('parseNumber', () => {
	it('ACCESS_NUMBER with an id above 32 bits keeps the id as a string, the phone in E.164', () => {
		const bought = valueOf(parseNumber(answer('ACCESS_NUMBER:2640086027:60164432151')));
		expect(bought).toEqual({
			activationId: '2640086027',
			phoneNumber: '+60164432151',
			answer: 'ACCESS_NUMBER:2640086027:60164432151',
		});
		expect(typeof bought.activationId).toBe('string');
		expect(typeof bought.phoneNumber).toBe('string');
	});

	it('keeps an id beyond 2^53 digit for digit', () => {
		const bought = valueOf(parseNumber(answer('ACCESS_NUMBER:12345678901234567890:12025551234')));
		expect(bought.activationId).toBe('12345678901234567890');
	});

	it('keeps leading zeros of an id', () => {
		expect(valueOf(parseNumber(answer('ACCESS_NUMBER:000123:12025551234'))).activationId).toBe('000123');
	});

	it('accepts a phone with or without +', () => {
		expect(valueOf(parseNumber(answer('ACCESS_NUMBER:123:12025551234'))).phoneNumber).toBe('+12025551234');
		expect(valueOf(parseNumber(answer('ACCESS_NUMBER:123:+12025551234'))).phoneNumber).toBe('+12025551234');
	});

	it('reads a body wrapped in quotes or followed by whitespace; answer is the clean text', () => {
		for (const body of [
			'"ACCESS_NUMBER:2640086027:60164432151"',
			'ACCESS_NUMBER:2640086027:60164432151\n',
			'  ACCESS_NUMBER:2640086027:60164432151 \r\n',
			'"ACCESS_NUMBER:2640086027:60164432151"\r\n',
		]) {
			expect(valueOf(parseNumber(answer(body)))).toEqual({
				activationId: '2640086027',
				phoneNumber: '+60164432151',
				answer: 'ACCESS_NUMBER:2640086027:60164432151',
			});
		}
	});

	it('the body decides: ACCESS_NUMBER with a non-2xx status is still the number bought', () => {
		expect(valueOf(parseNumber(answer('ACCESS_NUMBER:2640086027:60164432151', 201))).activationId).toBe('2640086027');
		expect(valueOf(parseNumber(answer('ACCESS_NUMBER:2640086027:60164432151', 500))).activationId).toBe('2640086027');
	});

	it.each<[string]>([
		['ACCESS_NUMBER:2640086027:60164432151:1'],
		['ACCESS_NUMBER:1:2:3'],
		['ACCESS_NUMBER:2640086027'],
		['ACCESS_NUMBER'],
		['ACCESS_NUMBER::60164432151'],
		['ACCESS_NUMBER:2640086027:'],
		['ACCESS_NUMBER:abc:60164432151'],
		['ACCESS_NUMBER:-5:60164432151'],
		['ACCESS_NUMBER:2640086027:phone'],
		['access_number:2640086027:60164432151'],
		['NUMBER:2640086027:60164432151'],
	])('%p is rejected as an unexpected answer that quotes it', (body) => {
		const result = parseNumber(answer(body));
		expect(result.ok).toBe(false);
		const problem = problemOf(result);
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.message).toContain(`"${body}"`);
	});

	it('JSON errors and sentences are problems, not numbers', () => {
		expect(problemOf(parseNumber(answer('{"status":"error","error":"NO_NUMBERS"}', 200))).word).toBe('NO_NUMBERS');
		expect(problemOf(parseNumber(answer('{"error":"NO_BALANCE","message":"Top up"}', 402))).word).toBe('NO_BALANCE');
		expect(problemOf(parseNumber(answer('{"message":"Unauthenticated."}', 401))).word).toBe('BAD_KEY');
		expect(problemOf(parseNumber(answer('Insufficient balance', 200))).word).toBe('NO_BALANCE');
	});
});

describe('parseStatus', () => {
	it('STATUS_WAIT_CODE → waiting, no code', () => {
		expect(valueOf(parseStatus(answer('STATUS_WAIT_CODE')))).toEqual({
			status: 'waiting',
			code: null,
			codeDigits: null,
			word: 'STATUS_WAIT_CODE',
		});
	});

	it('STATUS_OK:{code} → received, the code and its digits', () => {
		expect(valueOf(parseStatus(answer('STATUS_OK:276964')))).toEqual({
			status: 'received',
			code: '276964',
			codeDigits: '276964',
			word: 'STATUS_OK:276964',
		});
	});

	it('keeps a code that contains a colon whole (split on the first colon only)', () => {
		expect(valueOf(parseStatus(answer('STATUS_OK:12:34')))).toEqual({
			status: 'received',
			code: '12:34',
			codeDigits: '1234',
			word: 'STATUS_OK:12:34',
		});
	});

	it('keeps a code with letters and dashes as sent; digits beside it', () => {
		const status = valueOf(parseStatus(answer('STATUS_OK:G-276964')));
		expect(status.code).toBe('G-276964');
		expect(status.codeDigits).toBe('276964');

		const mixed = valueOf(parseStatus(answer('STATUS_OK:AB-12:cd-34')));
		expect(mixed.code).toBe('AB-12:cd-34');
		expect(mixed.codeDigits).toBe('1234');
	});

	it('a code without digits keeps the code, digits null', () => {
		const status = valueOf(parseStatus(answer('STATUS_OK:ABCDEF')));
		expect(status).toMatchObject({ status: 'received', code: 'ABCDEF', codeDigits: null });
	});

	it('keeps leading zeros of a code', () => {
		const status = valueOf(parseStatus(answer('STATUS_OK:012345')));
		expect(status.code).toBe('012345');
		expect(status.codeDigits).toBe('012345');
	});

	it('reads a body wrapped in quotes or followed by whitespace', () => {
		for (const body of ['"STATUS_OK:276964"', 'STATUS_OK:276964\n', ' STATUS_OK:276964 \r\n', '"STATUS_OK:276964"\n']) {
			expect(valueOf(parseStatus(answer(body)))).toEqual({
				status: 'received',
				code: '276964',
				codeDigits: '276964',
				word: 'STATUS_OK:276964',
			});
		}
		expect(valueOf(parseStatus(answer('"STATUS_WAIT_CODE"\n'))).status).toBe('waiting');
	});

	it('STATUS_WAIT_RETRY:{old code} → waitingRetry, and the code is the old one', () => {
		expect(valueOf(parseStatus(answer('STATUS_WAIT_RETRY:276964')))).toEqual({
			status: 'waitingRetry',
			code: '276964',
			codeDigits: '276964',
			word: 'STATUS_WAIT_RETRY:276964',
		});
	});

	it('STATUS_WAIT_RETRY keeps an old code with letters and colons', () => {
		const status = valueOf(parseStatus(answer('STATUS_WAIT_RETRY:G-12:34')));
		expect(status).toMatchObject({ status: 'waitingRetry', code: 'G-12:34', codeDigits: '1234' });
	});

	it('STATUS_WAIT_RESEND → waitingResend, no code', () => {
		expect(valueOf(parseStatus(answer('STATUS_WAIT_RESEND')))).toEqual({
			status: 'waitingResend',
			code: null,
			codeDigits: null,
			word: 'STATUS_WAIT_RESEND',
		});
	});

	it('STATUS_CANCEL → cancelled, no code', () => {
		expect(valueOf(parseStatus(answer('STATUS_CANCEL')))).toEqual({
			status: 'cancelled',
			code: null,
			codeDigits: null,
			word: 'STATUS_CANCEL',
		});
	});

	it.each<[string]>([
		['STATUS_OK'],
		['STATUS_OK:'],
		['STATUS_OK:   '],
		['STATUS_WAIT_RETRY:'],
		['STATUS_WAIT_CODE:123'],
		['STATUS_CANCEL:x'],
		['STATUS_WAIT_RESEND:1'],
		['STATUS_WAITING'],
		['STATUS_OKAY:1234'],
		['status_ok:1234'],
		['ACCESS_CANCEL'],
	])('%p is an unexpected answer that quotes it', (body) => {
		const problem = problemOf(parseStatus(answer(body)));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.message).toContain(`"${body.trim()}`);
	});

	it('NO_ACTIVATION and WRONG_ACTIVATION_ID are problems with their own word', () => {
		expect(problemOf(parseStatus(answer('NO_ACTIVATION', 403))).word).toBe('NO_ACTIVATION');
		expect(problemOf(parseStatus(answer('WRONG_ACTIVATION_ID', 200))).word).toBe('WRONG_ACTIVATION_ID');
	});
});

describe('parseCancel', () => {
	it('ACCESS_CANCEL → true', () => {
		expect(parseCancel(answer('ACCESS_CANCEL'))).toEqual({ ok: true, value: true });
	});

	it('ACCESS_CANCEL wrapped in quotes or followed by whitespace → true', () => {
		for (const body of ['"ACCESS_CANCEL"', 'ACCESS_CANCEL\n', '  ACCESS_CANCEL \r\n', '"ACCESS_CANCEL"\n']) {
			expect(valueOf(parseCancel(answer(body)))).toBe(true);
		}
	});

	it('the sentence sent for a number that already received an SMS is refused and quoted verbatim', () => {
		const sentence = 'This activation has already received an SMS and cannot be cancelled.';
		for (const status of [200, 400, 409, 422]) {
			const problem = problemOf(parseCancel(answer(sentence, status)));
			expect(problem.word).toBe('CANCEL_REFUSED');
			expect(problem.message).toContain(`"${sentence}"`);
			expect(problem.message).toContain('RentVerify');
			expect(problem.description).toMatch(/already received an SMS/);
			expect(problem.transient).toBe(false);
		}
	});

	it('a sentence with colons is quoted whole', () => {
		const sentence = 'Error: cannot cancel: SMS already received at 13:50:49';
		const problem = problemOf(parseCancel(answer(sentence)));
		expect(problem.word).toBe('CANCEL_REFUSED');
		expect(problem.message).toContain(`"${sentence}"`);
	});

	it.each<[string]>([['ACCESS_CANCEL_ALREADY'], ['ACCESS_READY'], ['ACCESS_ACTIVATION'], ['STATUS_CANCEL'], ['OK'], ['access_cancel']])(
		'%p is not ACCESS_CANCEL: refused and quoted',
		(body) => {
			const problem = problemOf(parseCancel(answer(body)));
			expect(problem.word).toBe('CANCEL_REFUSED');
			expect(problem.message).toContain(`"${body}"`);
		},
	);

	it('keeps up to 200 characters of a refusal, then …', () => {
		const sentence = `Cannot cancel ${'y'.repeat(400)}`;
		const problem = problemOf(parseCancel(answer(sentence)));
		expect(problem.message).toContain(`"Cannot cancel ${'y'.repeat(185)}…"`);
	});

	it('known words keep their own word', () => {
		expect(problemOf(parseCancel(answer('BAD_STATUS', 400))).word).toBe('BAD_STATUS');
		expect(problemOf(parseCancel(answer('EARLY_CANCEL_DENIED', 200))).word).toBe('EARLY_CANCEL_DENIED');
		expect(problemOf(parseCancel(answer('NO_ACTIVATION', 403))).word).toBe('NO_ACTIVATION');
		expect(problemOf(parseCancel(answer('WRONG_ACTIVATION_ID', 404))).word).toBe('WRONG_ACTIVATION_ID');
		expect(problemOf(parseCancel(answer('BAD_KEY', 401))).word).toBe('BAD_KEY');
	});

	it('a JSON refusal reaches the user with its message', () => {
		const problem = problemOf(parseCancel(answer('{"message":"SMS already received, cannot cancel"}', 400)));
		expect(problem.message).toContain('"SMS already received, cannot cancel"');
	});

	it('HTML and empty bodies are transport problems', () => {
		expect(problemOf(parseCancel(answer('<html><title>Oops</title></html>', 500))).word).toBe('HTML_PAGE');
		expect(problemOf(parseCancel(answer('', 200))).word).toBe('EMPTY_BODY');
	});
});

describe('parseCountries', () => {
	it('reads a JSON array of {id, name}', () => {
		const countries = valueOf(
			parseCountries(answer('[{"id":"usa","name":"United States"},{"id":"england","name":"England"}]')),
		);
		expect(countries).toEqual([
			{ id: 'usa', name: 'United States' },
			{ id: 'england', name: 'England' },
		]);
	});

	it('reads an object keyed "0", "1" as a list', () => {
		const countries = valueOf(
			parseCountries(answer('{"0":{"id":"usa","name":"United States"},"1":{"id":"england","name":"England"}}')),
		);
		expect(countries).toEqual([
			{ id: 'usa', name: 'United States' },
			{ id: 'england', name: 'England' },
		]);
	});

	it('reads [] and {} as an empty list', () => {
		expect(valueOf(parseCountries(answer('[]')))).toEqual([]);
		expect(valueOf(parseCountries(answer('{}')))).toEqual([]);
	});

	it('turns numeric ids into strings and uses the id when the name is missing', () => {
		const countries = valueOf(parseCountries(answer('[{"id":187,"name":"USA"},{"id":"16"}]')));
		expect(countries).toEqual([
			{ id: '187', name: 'USA' },
			{ id: '16', name: '16' },
		]);
		expect(typeof countries[0].id).toBe('string');
	});

	it('keeps a numeric id beyond 2^53 exactly', () => {
		const countries = valueOf(parseCountries(answer('[{"id":12345678901234567890,"name":"Far"}]')));
		expect(countries[0].id).toBe('12345678901234567890');
	});

	it('reads a body with trailing whitespace', () => {
		expect(valueOf(parseCountries(answer('[{"id":"usa","name":"USA"}]\n')))).toEqual([{ id: 'usa', name: 'USA' }]);
	});

	it.each<[string]>([['usa,england'], ['null'], ['42'], ['"usa"'], ['[{"id":"usa"']])(
		'%p is not a list → unexpected answer',
		(body) => {
			expect(problemOf(parseCountries(answer(body))).word).toBe('UNEXPECTED_ANSWER');
		},
	);

	it('a JSON error is its problem', () => {
		expect(problemOf(parseCountries(answer('{"status":"error","error":"BAD_KEY"}', 401))).word).toBe('BAD_KEY');
	});
});

describe('parseServices', () => {
	it('reads a JSON array of {code, name}', () => {
		const services = valueOf(
			parseServices(answer('[{"code":"tg","name":"Telegram"},{"code":"wa","name":"WhatsApp"},{"code":"facebook","name":"Facebook"}]')),
		);
		expect(services).toEqual([
			{ code: 'tg', name: 'Telegram' },
			{ code: 'wa', name: 'WhatsApp' },
			{ code: 'facebook', name: 'Facebook' },
		]);
	});

	it('reads an object keyed "0", "1" as a list', () => {
		expect(valueOf(parseServices(answer('{"0":{"code":"tg","name":"Telegram"},"1":{"code":"wa","name":"WhatsApp"}}')))).toEqual([
			{ code: 'tg', name: 'Telegram' },
			{ code: 'wa', name: 'WhatsApp' },
		]);
	});

	it('reads [] and {} as an empty list', () => {
		expect(valueOf(parseServices(answer('[]')))).toEqual([]);
		expect(valueOf(parseServices(answer('{}')))).toEqual([]);
	});

	it('turns a numeric code into a string, and a missing name into the code', () => {
		expect(valueOf(parseServices(answer('[{"code":5,"name":"Five"},{"code":"ig"}]')))).toEqual([
			{ code: '5', name: 'Five' },
			{ code: 'ig', name: 'ig' },
		]);
	});

	it('turns a numeric name into a string', () => {
		const services = valueOf(parseServices(answer('[{"code":"x","name":123}]')));
		expect(services[0].name).toBe('123');
	});

	it('errors are problems', () => {
		expect(problemOf(parseServices(answer('BAD_ACTION', 400))).word).toBe('BAD_ACTION');
		expect(problemOf(parseServices(answer('BAD_SERVICE'))).word).toBe('BAD_SERVICE');
		expect(problemOf(parseServices(answer('services: tg, wa'))).word).toBe('UNEXPECTED_ANSWER');
	});
});

describe('parsePrices', () => {
	it('flattens {country: {service: {price, available, price_id}}}, with numbers from strings and ids as strings', () => {
		const prices = valueOf(
			parsePrices(
				answer(
					JSON.stringify({
						usa: {
							tg: { price: 0.5, available: 120, price_id: 'p-1' },
							wa: { price: '1.20', available: '0', price_id: 42 },
						},
						england: { tg: { price: '0.80', available: '7' } },
					}),
				),
			),
		);
		expect(prices).toEqual([
			{ country: 'usa', service: 'tg', price: 0.5, available: 120, priceId: 'p-1' },
			{ country: 'usa', service: 'wa', price: 1.2, available: 0, priceId: '42' },
			{ country: 'england', service: 'tg', price: 0.8, available: 7, priceId: null },
		]);
		for (const price of prices) {
			expect(typeof price.price).toBe('number');
			expect(typeof price.available).toBe('number');
		}
	});

	it('a price that is not a decimal number makes the answer unexpected, never NaN or null', () => {
		for (const price of ['"n/a"', '"0x10"', 'null', '"Infinity"', '-1', '{"usd":1}']) {
			const problem = problemOf(parsePrices(answer(`{"usa":{"tg":{"price":${price},"available":1}}}`)));
			expect(problem.word).toBe('UNEXPECTED_ANSWER');
		}
	});

	it('a missing count or price id is null', () => {
		expect(valueOf(parsePrices(answer('{"usa":{"tg":{"price":"0.5","available":null,"price_id":null}}}')))).toEqual([
			{ country: 'usa', service: 'tg', price: 0.5, available: null, priceId: null },
		]);
	});

	it('reads {} and [] as no prices', () => {
		expect(valueOf(parsePrices(answer('{}')))).toEqual([]);
		expect(valueOf(parsePrices(answer('[]')))).toEqual([]);
	});

	it('a country whose services are not an object makes the answer unexpected (never skipped silently)', () => {
		const problem = problemOf(parsePrices(answer('{"usa":null,"england":{"tg":{"price":1,"available":2,"price_id":"a"}}}')));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
	});

	it('a service with no offer makes the answer unexpected (never a row of nulls)', () => {
		expect(problemOf(parsePrices(answer('{"usa":{"tg":null}}'))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parsePrices(answer('{"usa":{"tg":{}}}'))).word).toBe('UNEXPECTED_ANSWER');
	});

	it.each<[string]>([['[1,2]'], ['"prices"'], ['12'], ['null'], ['price=1']])('%p is unexpected', (body) => {
		expect(problemOf(parsePrices(answer(body))).word).toBe('UNEXPECTED_ANSWER');
	});

	it('a JSON error is its problem', () => {
		expect(problemOf(parsePrices(answer('{"status":"error","error":"NO_NUMBERS"}', 503))).word).toBe('NO_NUMBERS');
	});
});

describe('parseActiveActivations', () => {
	const contractEntry = {
		id: 2640086027,
		number: '60164432151',
		service: 'tg',
		country: 'usa',
		status: 'waiting',
		cost: '0.50',
		expires_at: '2025-04-26 13:03:00',
		created_at: '2025-04-26 12:43:00',
	};

	it('reads the contract array of {id, number, service, country, status, cost, expires_at, created_at}', () => {
		const list = valueOf(parseActiveActivations(answer(JSON.stringify([contractEntry]))));
		expect(list).toHaveLength(1);
		expect(list[0]).toEqual({
			activationId: '2640086027',
			phoneNumber: '+60164432151',
			service: 'tg',
			country: 'usa',
			status: 'waiting',
			cost: 0.5,
			createdAt: '2025-04-26T12:43:00.000Z',
			expiresAt: '2025-04-26T13:03:00.000Z',
			raw: contractEntry,
		});
	});

	it('keeps the original times in raw beside the ISO ones', () => {
		const [entry] = valueOf(parseActiveActivations(answer(JSON.stringify([contractEntry]))));
		expect(entry.raw.created_at).toBe('2025-04-26 12:43:00');
		expect(entry.raw.expires_at).toBe('2025-04-26 13:03:00');
	});

	it('reads ISO times with an offset', () => {
		const [entry] = valueOf(
			parseActiveActivations(
				answer(JSON.stringify([{ ...contractEntry, created_at: '2025-04-26T12:43:00Z', expires_at: '2025-04-26T15:03:00+02:00' }])),
			),
		);
		expect(entry.createdAt).toBe('2025-04-26T12:43:00.000Z');
		expect(entry.expiresAt).toBe('2025-04-26T13:03:00.000Z');
	});

	it('a time it cannot place is null', () => {
		const [entry] = valueOf(parseActiveActivations(answer(JSON.stringify([{ ...contractEntry, created_at: 'soon' }]))));
		expect(entry.createdAt).toBeNull();
		expect(entry.raw.created_at).toBe('soon');
	});

	it('a phone sent as a JSON number or with + comes out in E.164', () => {
		const list = valueOf(
			parseActiveActivations(
				answer('[{"id":"1","number":12025551234,"cost":1},{"id":"2","number":"+447700900123","cost":"2.5"}]'),
			),
		);
		expect(list.map((entry) => entry.phoneNumber)).toEqual(['+12025551234', '+447700900123']);
		expect(list.map((entry) => entry.cost)).toEqual([1, 2.5]);
	});

	it('keeps a JSON id beyond 2^53 exactly, as a string', () => {
		const [entry] = valueOf(parseActiveActivations(answer('[{"id": 12345678901234567890,"number":"12025551234"}]')));
		expect(entry.activationId).toBe('12345678901234567890');
		expect(typeof entry.activationId).toBe('string');
	});

	it('keeps a JSON activationId beyond 2^53 exactly (sms-activate form)', () => {
		const [entry] = valueOf(
			parseActiveActivations(answer('{"status":"success","activeActivations":[{"activationId":98765432109876543210}]}')),
		);
		expect(entry.activationId).toBe('98765432109876543210');
	});

	it('reads the sms-activate form {status, activeActivations: [...]} with its field names', () => {
		const [entry] = valueOf(
			parseActiveActivations(
				answer(
					JSON.stringify({
						status: 'success',
						activeActivations: [
							{
								activationId: '2640086027',
								phoneNumber: '60164432151',
								serviceCode: 'wa',
								countryCode: '187',
								activationCost: '0.35',
								status: '4',
							},
						],
					}),
				),
			),
		);
		expect(entry).toMatchObject({
			activationId: '2640086027',
			phoneNumber: '+60164432151',
			service: 'wa',
			country: '187',
			status: '4',
			cost: 0.35,
			createdAt: null,
			expiresAt: null,
		});
	});

	it('reads a list that arrives as an object keyed "0", "1"', () => {
		const list = valueOf(
			parseActiveActivations(answer('{"0":{"id":"11","number":"12025551234"},"1":{"id":"12","number":"12025551235"}}')),
		);
		expect(list.map((entry) => entry.activationId)).toEqual(['11', '12']);
	});

	it('reads activeActivations that arrive as an object keyed "0", or as {}', () => {
		expect(
			valueOf(parseActiveActivations(answer('{"status":"success","activeActivations":{"0":{"id":"5"}}}'))).map(
				(entry) => entry.activationId,
			),
		).toEqual(['5']);
		expect(valueOf(parseActiveActivations(answer('{"status":"success","activeActivations":{}}')))).toEqual([]);
	});

	it('reads [] and {} as an empty list', () => {
		expect(valueOf(parseActiveActivations(answer('[]')))).toEqual([]);
		expect(valueOf(parseActiveActivations(answer('{}')))).toEqual([]);
	});

	it('NO_ACTIVATIONS (plural) is an empty list, also quoted or with whitespace, whatever the status', () => {
		for (const body of ['NO_ACTIVATIONS', '"NO_ACTIVATIONS"', 'NO_ACTIVATIONS\n', ' "NO_ACTIVATIONS" \r\n']) {
			expect(valueOf(parseActiveActivations(answer(body)))).toEqual([]);
			expect(valueOf(parseActiveActivations(answer(body, 404)))).toEqual([]);
		}
	});

	it('NO_ACTIVATION (singular) is the role problem, not an empty list', () => {
		for (const status of [200, 403]) {
			const problem = problemOf(parseActiveActivations(answer('NO_ACTIVATION', status)));
			expect(problem.word).toBe('NO_ACTIVATION');
		}
	});

	it('an entry without its id makes the answer unexpected, never a blank row', () => {
		expect(problemOf(parseActiveActivations(answer('[{}]'))).word).toBe('UNEXPECTED_ANSWER');
		expect(problemOf(parseActiveActivations(answer('[{"id":"1"},{"number":"12025551234"}]'))).word).toBe('UNEXPECTED_ANSWER');
	});

	it('an entry with only its id gives empty strings and nulls for the rest', () => {
		const [entry] = valueOf(parseActiveActivations(answer('[{"id":"7"}]')));
		expect(entry).toEqual({
			activationId: '7',
			phoneNumber: null,
			service: '',
			country: '',
			status: '',
			cost: null,
			createdAt: null,
			expiresAt: null,
			raw: { id: '7' },
		});
	});

	it.each<[string]>([['null'], ['"list"'], ['7'], ['[{"id":1']])('%p is unexpected', (body) => {
		expect(problemOf(parseActiveActivations(answer(body))).word).toBe('UNEXPECTED_ANSWER');
	});
});
