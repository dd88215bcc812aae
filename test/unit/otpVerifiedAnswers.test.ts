/**
 * Unit tests for OTPVerified's pure parsers (JSON envelope {statusCode, data, message, success}),
 * against docs/PROVIDERS.md.
 */
import type { HttpAnswer, Parsed, ProviderProblem } from '../../nodes/shared/transport/answer';
import {
	PROVIDER,
	parseRelease,
	parseRental,
	parseRentalMessages,
	parseRentalServices,
	unwrap,
} from '../../nodes/shared/transport/otpVerifiedAnswers';

const answer = (body: string, statusCode = 200, retryAfterMs?: number): HttpAnswer =>
	retryAfterMs === undefined ? { statusCode, body } : { statusCode, body, retryAfterMs };

/** An envelope as OTPVerified sends it, with `extra` fields merged in. */
const envelope = (fields: Record<string, unknown>, statusCode = 200): HttpAnswer =>
	answer(JSON.stringify(fields), statusCode);

const ok = (data: unknown, statusCode = 200, message = 'OK'): HttpAnswer =>
	envelope({ statusCode, data, message, success: true }, statusCode);

function valueOf<T>(result: Parsed<T>): T {
	if (!result.ok) throw new Error(`expected a value, got the problem ${JSON.stringify(result.problem)}`);
	return result.value;
}

function problemOf<T>(result: Parsed<T>): ProviderProblem {
	if (result.ok) throw new Error(`expected a problem, got the value ${JSON.stringify(result.value)}`);
	return result.problem;
}

const PARSERS: Array<[string, (a: HttpAnswer) => Parsed<unknown>]> = [
	['unwrap', unwrap],
	['parseRentalServices', parseRentalServices],
	['parseRental', parseRental],
	['parseRentalMessages', parseRentalMessages],
	['parseRelease', parseRelease],
];

// The provider's own examples from its API reference (docs/PROVIDERS.md), as JSON.
const SEED_RENTAL = {
	orderId: '52608714',
	number: '19128648532',
	serviceName: 'Google',
	areas: '503',
	duration: 3,
	purchased: '2025-04-26 12:43:00',
	expires: '2025-04-29 12:43:00',
	price: '3.46',
	status: 'reserved',
};

const SEED_MESSAGE = {
	id: 'b903e75c',
	orderId: '765268',
	timestamp: '2025-07-11 13:50:49 EDT',
	service: 'GMail',
	sender: '22000',
	number: '16097641010',
	message: 'G-276964 is your Google verification code.',
	pin: 'G-276964',
};

it('names the provider as users know it', () => {
	expect(PROVIDER).toBe('OTPVerified');
});

describe('unwrap: success envelopes', () => {
	it('returns data of a success envelope', () => {
		expect(unwrap(ok({ a: 1 }))).toEqual({ ok: true, value: { a: 1 } });
	});

	it('accepts HTTP 201 (request-rental)', () => {
		expect(valueOf(unwrap(ok({ orderId: '1' }, 201)))).toEqual({ orderId: '1' });
	});

	it('returns undefined data when the envelope has none (release-rental)', () => {
		const result = unwrap(envelope({ statusCode: 200, message: 'Number successfully released', success: true }));
		expect(result.ok).toBe(true);
		expect(valueOf(result)).toBeUndefined();
	});

	it('reads a body with trailing whitespace', () => {
		expect(valueOf(unwrap(answer('{"statusCode":200,"data":[1],"message":"","success":true}\n\n')))).toEqual([1]);
	});
});

describe('unwrap: error envelopes', () => {
	it('success:false with a 4xx surfaces the provider message', () => {
		const problem = problemOf(
			unwrap(envelope({ statusCode: 400, message: 'This number does not support oneDay rentals', success: false }, 400)),
		);
		expect(problem.word).toBe('HTTP_400');
		expect(problem.message).toContain('"This number does not support oneDay rentals"');
		expect(problem.message).toContain('OTPVerified');
		expect(problem.message).toContain('HTTP 400');
		expect(problem.description).toMatch(/duration/);
		expect(problem.transient).toBe(false);
	});

	it.each<[number, RegExp]>([
		[400, /parameters/],
		[401, /API key/],
		[402, /Top up/],
		[403, /may use the API/],
		[404, /order ID/],
	])('HTTP %i says what to do', (status, advice) => {
		const problem = problemOf(unwrap(envelope({ statusCode: status, message: 'Nope', success: false }, status)));
		expect(problem.word).toBe(`HTTP_${status}`);
		expect(problem.description).toMatch(advice);
		expect(problem.message).toContain('"Nope"');
		expect(problem.transient).toBe(false);
	});

	it('success:false with HTTP 200 is a problem that quotes the message', () => {
		const problem = problemOf(unwrap(envelope({ statusCode: 200, message: 'Insufficient balance', success: false }, 200)));
		expect(problem.message).toContain('"Insufficient balance"');
		expect(problem.transient).toBe(false);
	});

	it('success:false with HTTP 200 takes the status from the envelope', () => {
		const problem = problemOf(unwrap(envelope({ statusCode: 402, message: 'Insufficient balance', success: false }, 200)));
		expect(problem.word).toBe('HTTP_402');
		expect(problem.message).toContain('HTTP 402');
		expect(problem.description).toMatch(/Top up/);
	});

	it('success:false without a statusCode is a problem', () => {
		const problem = problemOf(unwrap(envelope({ message: 'Service not available', success: false }, 200)));
		expect(problem.message).toContain('"Service not available"');
	});

	it('a 200 whose envelope says statusCode 500 is a transient problem, even with success:true', () => {
		for (const success of [true, false, undefined]) {
			const problem = problemOf(unwrap(envelope({ statusCode: 500, message: 'Internal server error', success }, 200)));
			expect(problem.word).toBe('HTTP_500');
			expect(problem.transient).toBe(true);
			expect(problem.message).toContain('"Internal server error"');
			expect(problem.description).toMatch(/try again/);
		}
	});

	it('reads an envelope statusCode sent as a string', () => {
		const problem = problemOf(unwrap(envelope({ statusCode: '503', message: 'Busy', success: true }, 200)));
		expect(problem.word).toBe('HTTP_503');
		expect(problem.transient).toBe(true);
	});

	it('a 4xx is a problem even when the envelope says success:true', () => {
		const problem = problemOf(unwrap(envelope({ statusCode: 200, data: {}, message: 'ok', success: true }, 403)));
		expect(problem.word).toBe('HTTP_403');
	});

	it('the HTTP status wins over the envelope status when it is an error', () => {
		const problem = problemOf(unwrap(envelope({ statusCode: 400, message: 'Bad', success: false }, 401)));
		expect(problem.word).toBe('HTTP_401');
	});

	it('a 5xx envelope is transient', () => {
		const problem = problemOf(unwrap(envelope({ statusCode: 502, message: 'Upstream error', success: false }, 502)));
		expect(problem.transient).toBe(true);
		expect(problem.message).toContain('"Upstream error"');
	});

	it('an envelope without a message says no reason was given', () => {
		const problem = problemOf(unwrap(envelope({ statusCode: 400, success: false }, 400)));
		expect(problem.message).toContain('no reason given');
		expect(problemOf(unwrap(envelope({ statusCode: 400, message: '   ', success: false }, 400))).message).toContain(
			'no reason given',
		);
	});

	it('{"message":"Unauthenticated."} with 401 surfaces the message', () => {
		const problem = problemOf(unwrap(answer('{"message":"Unauthenticated."}', 401)));
		expect(problem.word).toBe('HTTP_401');
		expect(problem.message).toContain('"Unauthenticated."');
		expect(problem.description).toMatch(/API key/);
	});

	it('shortens a long provider message to 200 characters with …', () => {
		const message = `Reason ${'r'.repeat(500)}`;
		const problem = problemOf(unwrap(envelope({ statusCode: 400, message, success: false }, 400)));
		expect(problem.message).toContain(`"Reason ${'r'.repeat(192)}…"`);
	});
});

describe('unwrap: answers that are not an envelope', () => {
	it('a 200 without success is never taken as success', () => {
		const body = '{"statusCode":200,"data":{"orderId":"1"},"message":"ok"}';
		const problem = problemOf(unwrap(answer(body, 200)));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.message).toContain('OTPVerified');
		expect(problem.message).toContain('"{"statusCode":200');
	});

	it.each<[unknown]>([['true'], [1], ['yes'], [null]])('success: %p is not success:true', (success) => {
		expect(unwrap(envelope({ statusCode: 200, data: {}, message: 'ok', success })).ok).toBe(false);
	});

	it.each<[string]>([['OK'], ['Number successfully released'], ['{"statusCode":200,'], ['ACCESS_BALANCE:1']])(
		'non-JSON %p is an unexpected answer that quotes it',
		(body) => {
			const problem = problemOf(unwrap(answer(body, 200)));
			expect(problem.word).toBe('UNEXPECTED_ANSWER');
			expect(problem.message).toContain(`"${body}"`);
			expect(problem.transient).toBe(false);
		},
	);

	it('non-JSON on 5xx is a transient unexpected answer', () => {
		const problem = problemOf(unwrap(answer('Service Unavailable', 503)));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.transient).toBe(true);
	});

	it.each<[string]>([['[]'], ['[{"success":true}]'], ['null'], ['"ok"'], ['42'], ['true']])(
		'JSON %p that is not an object is unexpected',
		(body) => {
			expect(problemOf(unwrap(answer(body))).word).toBe('UNEXPECTED_ANSWER');
		},
	);

	it('a long unexpected answer is shortened with …', () => {
		const problem = problemOf(unwrap(answer(`not json ${'q'.repeat(800)}`)));
		expect(problem.message).toContain('…');
		expect(problem.message).not.toContain('q'.repeat(150));
	});
});

describe('transport problems through the OTPVerified parsers', () => {
	const html502 = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>';
	const html404 = '<html><head><title>Page not found</title></head><body></body></html>';

	it.each(PARSERS)('%s: an HTML page on 5xx is transient and quotes the title', (_name, parse) => {
		const problem = problemOf(parse(answer(html502, 502)));
		expect(problem.word).toBe('HTML_PAGE');
		expect(problem.transient).toBe(true);
		expect(problem.message).toContain('"502 Bad Gateway"');
		expect(problem.message).toContain('OTPVerified');
	});

	it.each(PARSERS)('%s: an HTML page on 4xx is not transient', (_name, parse) => {
		const problem = problemOf(parse(answer(html404, 404)));
		expect(problem.word).toBe('HTML_PAGE');
		expect(problem.transient).toBe(false);
		expect(problem.message).toContain('"Page not found"');
	});

	it.each(PARSERS)('%s: an HTML page on 200 is a problem, not success', (_name, parse) => {
		expect(problemOf(parse(answer(html404, 200))).word).toBe('HTML_PAGE');
	});

	it.each(PARSERS)('%s: an empty body is a transient problem', (_name, parse) => {
		const problem = problemOf(parse(answer('', 200)));
		expect(problem.word).toBe('EMPTY_BODY');
		expect(problem.transient).toBe(true);
	});

	it.each(PARSERS)('%s: 429 is transient and carries Retry-After', (_name, parse) => {
		const problem = problemOf(parse(answer('{"statusCode":429,"message":"Too many requests","success":false}', 429, 12_000)));
		expect(problem.word).toBe('HTTP_429');
		expect(problem.transient).toBe(true);
		expect(problem.retryAfterMs).toBe(12_000);
	});

	it.each(PARSERS)('%s: success:false with a 4xx is the envelope problem', (_name, parse) => {
		const body = envelope({ statusCode: 404, message: 'Order not found', success: false }, 404);
		const problem = problemOf(parse(body));
		expect(problem).toEqual(problemOf(unwrap(body)));
		expect(problem.message).toContain('"Order not found"');
	});

	it.each(PARSERS)('%s: a 200 without success is unexpected', (_name, parse) => {
		expect(problemOf(parse(answer('{"statusCode":200,"data":[],"message":"ok"}'))).word).toBe('UNEXPECTED_ANSWER');
	});
});

describe('parseRentalServices', () => {
	it('reads the provider example', () => {
		const services = valueOf(
			parseRentalServices(ok([{ serviceId: '1fe58df2', serviceName: 'Google' }], 200, 'Services retrieved successfully')),
		);
		expect(services).toEqual([{ serviceId: '1fe58df2', serviceName: 'Google' }]);
	});

	it('keeps every extra field, and turns numeric price fields into numbers', () => {
		const [service] = valueOf(
			parseRentalServices(
				ok([
					{
						serviceId: '6b816098',
						serviceName: 'WhatsApp',
						price: '3.46',
						discountedPrice: '2.99',
						currentPrice: 4,
						areaCodeSurcharge: '2.50',
						durations: ['threeDay', 'thirtyDay'],
						available: true,
						note: 'US only',
					},
				]),
			),
		);
		expect(service).toEqual({
			serviceId: '6b816098',
			serviceName: 'WhatsApp',
			price: 3.46,
			discountedPrice: 2.99,
			currentPrice: 4,
			areaCodeSurcharge: 2.5,
			durations: ['threeDay', 'thirtyDay'],
			available: true,
			note: 'US only',
		});
		expect(typeof service.price).toBe('number');
	});

	it('keeps a price field that is not a number as it was', () => {
		const [service] = valueOf(parseRentalServices(ok([{ serviceId: 'a', serviceName: 'A', price: 'call us', cost: null }])));
		expect(service.price).toBe('call us');
		expect(service.cost).toBeNull();
	});

	it('does not turn numeric non-price fields into numbers', () => {
		const [service] = valueOf(parseRentalServices(ok([{ serviceId: 'a', serviceName: 'A', stock: '12', code: '0044' }])));
		expect(service.stock).toBe('12');
		expect(service.code).toBe('0044');
	});

	it('turns a numeric serviceId into a string, a missing name into ""', () => {
		const services = valueOf(parseRentalServices(ok([{ serviceId: 42, serviceName: 'Forty-two' }, { serviceId: 'x' }])));
		expect(services[0].serviceId).toBe('42');
		expect(typeof services[0].serviceId).toBe('string');
		expect(services[1].serviceName).toBe('');
	});

	it('reads data as an object keyed "0", "1"', () => {
		const services = valueOf(
			parseRentalServices(ok({ '0': { serviceId: 'a', serviceName: 'A' }, '1': { serviceId: 'b', serviceName: 'B' } })),
		);
		expect(services.map((service) => service.serviceId)).toEqual(['a', 'b']);
	});

	it('reads [] and {} as no services', () => {
		expect(valueOf(parseRentalServices(ok([])))).toEqual([]);
		expect(valueOf(parseRentalServices(ok({})))).toEqual([]);
	});

	it.each<[unknown]>([[null], ['services'], [12], [undefined]])('data %p is not a list → unexpected', (data) => {
		expect(problemOf(parseRentalServices(ok(data))).word).toBe('UNEXPECTED_ANSWER');
	});
});

describe('parseRental', () => {
	it('reads the provider example: ids as strings, phone in E.164, price a number, times ISO UTC with originals', () => {
		const rental = valueOf(parseRental(ok(SEED_RENTAL, 201, 'Order Confirmed!')));
		expect(rental).toEqual({
			orderId: '52608714',
			phoneNumber: '+19128648532',
			serviceName: 'Google',
			areaCode: '503',
			durationDays: 3,
			purchasedAt: '2025-04-26T12:43:00.000Z',
			purchasedAtOriginal: '2025-04-26 12:43:00',
			expiresAt: '2025-04-29T12:43:00.000Z',
			expiresAtOriginal: '2025-04-29 12:43:00',
			price: 3.46,
			status: 'reserved',
			raw: SEED_RENTAL,
		});
		expect(typeof rental.price).toBe('number');
		expect(typeof rental.orderId).toBe('string');
	});

	it('reads the same rental with HTTP 200', () => {
		expect(valueOf(parseRental(ok(SEED_RENTAL, 200))).orderId).toBe('52608714');
	});

	it('turns a numeric orderId, number, areas and duration string into the promised types', () => {
		const rental = valueOf(
			parseRental(ok({ ...SEED_RENTAL, orderId: 52608714, number: 19128648532, areas: 503, duration: '30', price: 3.46 }, 201)),
		);
		expect(rental.orderId).toBe('52608714');
		expect(rental.phoneNumber).toBe('+19128648532');
		expect(rental.areaCode).toBe('503');
		expect(rental.durationDays).toBe(30);
		expect(rental.price).toBe(3.46);
	});

	it('keeps a string orderId beyond 2^53 exactly', () => {
		expect(valueOf(parseRental(ok({ ...SEED_RENTAL, orderId: '123456789012345678901' }, 201))).orderId).toBe(
			'123456789012345678901',
		);
	});

	it('keeps a phone that already has +', () => {
		expect(valueOf(parseRental(ok({ ...SEED_RENTAL, number: '+19128648532' }, 201))).phoneNumber).toBe('+19128648532');
	});

	it('no area code gives null', () => {
		const { areas: _areas, ...withoutAreas } = SEED_RENTAL;
		expect(valueOf(parseRental(ok(withoutAreas, 201))).areaCode).toBeNull();
		expect(valueOf(parseRental(ok({ ...SEED_RENTAL, areas: null }, 201))).areaCode).toBeNull();
	});

	it('a time it cannot place is null, with its original kept', () => {
		const rental = valueOf(parseRental(ok({ ...SEED_RENTAL, expires: '29/04/2025' }, 201)));
		expect(rental.expiresAt).toBeNull();
		expect(rental.expiresAtOriginal).toBe('29/04/2025');
	});

	it('missing times and price give nulls', () => {
		const rental = valueOf(parseRental(ok({ orderId: '1' }, 201)));
		expect(rental).toMatchObject({
			orderId: '1',
			phoneNumber: null,
			serviceName: '',
			areaCode: null,
			durationDays: null,
			purchasedAt: null,
			purchasedAtOriginal: null,
			expiresAt: null,
			expiresAtOriginal: null,
			price: null,
			status: '',
		});
	});

	it('an unreadable price is null, never NaN', () => {
		expect(valueOf(parseRental(ok({ ...SEED_RENTAL, price: '$3.46' }, 201))).price).toBeNull();
	});

	it.each<[unknown]>([[{ ...SEED_RENTAL, orderId: undefined }], [{ ...SEED_RENTAL, orderId: '' }], [null], ['52608714'], [[]], [undefined]])(
		'data without an orderId (%p) is unexpected',
		(data) => {
			expect(problemOf(parseRental(ok(data, 201))).word).toBe('UNEXPECTED_ANSWER');
		},
	);

	it('a refusal surfaces the provider message', () => {
		const problem = problemOf(
			parseRental(envelope({ statusCode: 402, message: 'Insufficient balance to rent this number', success: false }, 402)),
		);
		expect(problem.word).toBe('HTTP_402');
		expect(problem.message).toContain('"Insufficient balance to rent this number"');
		expect(problem.description).toMatch(/Nothing was rented/);
	});
});

describe('parseRentalMessages', () => {
	it('reads the provider example: EDT time in ISO UTC with the original, pin digits beside the pin', () => {
		const messages = valueOf(parseRentalMessages(ok({ messages: [SEED_MESSAGE] }, 200, 'Rental Messages retrieved successfully')));
		expect(messages).toEqual([
			{
				messageId: 'b903e75c',
				orderId: '765268',
				receivedAt: '2025-07-11T17:50:49.000Z',
				receivedAtOriginal: '2025-07-11 13:50:49 EDT',
				service: 'GMail',
				sender: '22000',
				phoneNumber: '+16097641010',
				text: 'G-276964 is your Google verification code.',
				pin: 'G-276964',
				code: '276964',
				raw: SEED_MESSAGE,
			},
		]);
	});

	it('reads an EST time', () => {
		const [message] = valueOf(parseRentalMessages(ok({ messages: [{ ...SEED_MESSAGE, timestamp: '2025-01-11 13:50:49 EST' }] })));
		expect(message.receivedAt).toBe('2025-01-11T18:50:49.000Z');
		expect(message.receivedAtOriginal).toBe('2025-01-11 13:50:49 EST');
	});

	it('reads a time without a zone as UTC', () => {
		const [message] = valueOf(parseRentalMessages(ok({ messages: [{ ...SEED_MESSAGE, timestamp: '2025-07-11 13:50:49' }] })));
		expect(message.receivedAt).toBe('2025-07-11T13:50:49.000Z');
		expect(message.receivedAtOriginal).toBe('2025-07-11 13:50:49');
	});

	it('an unknown zone gives null, with the original kept', () => {
		const [message] = valueOf(
			parseRentalMessages(ok({ messages: [{ ...SEED_MESSAGE, timestamp: '2025-07-11 13:50:49 XYZ' }] })),
		);
		expect(message.receivedAt).toBeNull();
		expect(message.receivedAtOriginal).toBe('2025-07-11 13:50:49 XYZ');
	});

	it('a missing timestamp gives null for both', () => {
		const { timestamp: _timestamp, ...withoutTime } = SEED_MESSAGE;
		const [message] = valueOf(parseRentalMessages(ok({ messages: [withoutTime] })));
		expect(message.receivedAt).toBeNull();
		expect(message.receivedAtOriginal).toBeNull();
	});

	it('without a pin, the code comes from the text', () => {
		const { pin: _pin, ...withoutPin } = SEED_MESSAGE;
		const [message] = valueOf(
			parseRentalMessages(ok({ messages: [{ ...withoutPin, message: 'Your Telegram code is 53817. Do not share it.' }] })),
		);
		expect(message.pin).toBeNull();
		expect(message.code).toBe('53817');
		expect(message.text).toBe('Your Telegram code is 53817. Do not share it.');
	});

	it('an empty or null pin is no pin; the code comes from the text', () => {
		for (const pin of ['', null]) {
			const [message] = valueOf(parseRentalMessages(ok({ messages: [{ ...SEED_MESSAGE, pin }] })));
			expect(message.pin).toBeNull();
			expect(message.code).toBe('276964');
		}
	});

	it('the pin wins over a number in the text', () => {
		const [message] = valueOf(
			parseRentalMessages(ok({ messages: [{ ...SEED_MESSAGE, pin: 'G-111111', message: 'Order 22222222 code 333333' }] })),
		);
		expect(message.pin).toBe('G-111111');
		expect(message.code).toBe('111111');
	});

	it('no pin and no code in the text gives a null code', () => {
		const [message] = valueOf(
			parseRentalMessages(ok({ messages: [{ ...SEED_MESSAGE, pin: null, message: 'Welcome to Google!' }] })),
		);
		expect(message.pin).toBeNull();
		expect(message.code).toBeNull();
	});

	it('a numeric pin and numeric ids come out as strings', () => {
		const [message] = valueOf(
			parseRentalMessages(ok({ messages: [{ ...SEED_MESSAGE, id: 991, orderId: 765268, pin: 276964, sender: 22000, number: 16097641010 }] })),
		);
		expect(message.pin).toBe('276964');
		expect(message.code).toBe('276964');
		expect(message.messageId).toBe('991');
		expect(message.orderId).toBe('765268');
		expect(message.sender).toBe('22000');
		expect(message.phoneNumber).toBe('+16097641010');
	});

	it('reads the text from `text` when `message` is missing', () => {
		const { message: _message, ...withoutMessage } = SEED_MESSAGE;
		const [message] = valueOf(parseRentalMessages(ok({ messages: [{ ...withoutMessage, text: 'code 4321' }] })));
		expect(message.text).toBe('code 4321');
	});

	it('reads several messages in order', () => {
		const messages = valueOf(
			parseRentalMessages(ok({ messages: [SEED_MESSAGE, { ...SEED_MESSAGE, id: 'c0ffee', pin: 'G-123456' }] })),
		);
		expect(messages.map((message) => [message.messageId, message.code])).toEqual([
			['b903e75c', '276964'],
			['c0ffee', '123456'],
		]);
	});

	it('reads messages as an object keyed "0", "1"', () => {
		const messages = valueOf(
			parseRentalMessages(ok({ messages: { '0': SEED_MESSAGE, '1': { ...SEED_MESSAGE, id: 'second' } } })),
		);
		expect(messages.map((message) => message.messageId)).toEqual(['b903e75c', 'second']);
	});

	it('reads a bare list as data', () => {
		expect(valueOf(parseRentalMessages(ok([SEED_MESSAGE]))).map((message) => message.code)).toEqual(['276964']);
	});

	it('reads empty lists in every form: messages [] or {}, data {} or []', () => {
		expect(valueOf(parseRentalMessages(ok({ messages: [] })))).toEqual([]);
		expect(valueOf(parseRentalMessages(ok({ messages: {} })))).toEqual([]);
		expect(valueOf(parseRentalMessages(ok({})))).toEqual([]);
		expect(valueOf(parseRentalMessages(ok([])))).toEqual([]);
	});

	it.each<[unknown]>([[{ items: [SEED_MESSAGE] }], ['no messages'], [5], [{ messages: 'none' }]])(
		'data %p is unexpected',
		(data) => {
			expect(problemOf(parseRentalMessages(ok(data))).word).toBe('UNEXPECTED_ANSWER');
		},
	);

	it('an unknown order surfaces the provider message', () => {
		const problem = problemOf(parseRentalMessages(envelope({ statusCode: 404, message: 'Order not found', success: false }, 404)));
		expect(problem.word).toBe('HTTP_404');
		expect(problem.message).toContain('"Order not found"');
		expect(problem.description).toMatch(/order ID/);
	});
});

describe('parseRelease', () => {
	it('reads the provider example', () => {
		expect(
			parseRelease(envelope({ statusCode: 200, message: 'Number successfully released', success: true })),
		).toEqual({ ok: true, value: { message: 'Number successfully released' } });
	});

	it('a success without a message gives an empty message', () => {
		expect(valueOf(parseRelease(envelope({ statusCode: 200, success: true })))).toEqual({ message: '' });
		expect(valueOf(parseRelease(envelope({ statusCode: 200, message: 5, success: true })))).toEqual({ message: '' });
	});

	it('ignores data in a success', () => {
		expect(
			valueOf(parseRelease(envelope({ statusCode: 200, data: { orderId: '1' }, message: 'Released', success: true }))),
		).toEqual({ message: 'Released' });
	});

	it('a refusal with 4xx surfaces the provider message', () => {
		const problem = problemOf(
			parseRelease(envelope({ statusCode: 400, message: 'Number cannot be released after receiving SMS', success: false }, 400)),
		);
		expect(problem.word).toBe('HTTP_400');
		expect(problem.message).toContain('"Number cannot be released after receiving SMS"');
	});

	it('a refusal with HTTP 200 is still a problem', () => {
		const problem = problemOf(parseRelease(envelope({ statusCode: 200, message: 'Already released', success: false }, 200)));
		expect(problem.message).toContain('"Already released"');
	});

	it('a non-JSON answer is never taken as a release', () => {
		const problem = problemOf(parseRelease(answer('Number successfully released')));
		expect(problem.word).toBe('UNEXPECTED_ANSWER');
		expect(problem.message).toContain('"Number successfully released"');
	});
});
