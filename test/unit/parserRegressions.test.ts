/**
 * Answers that once broke the parsers (found by the unit suite's review): built-in property names as
 * words, ids beyond 2^53, NO_ACTIVATIONS in JSON, impossible dates, lists of validation messages.
 */
import { parseJsonKeepingIds, toIsoUtc } from '../../nodes/shared/normalize';
import { parseRental, parseRentalMessages, unwrap } from '../../nodes/shared/transport/otpVerifiedAnswers';
import type { HttpAnswer, Parsed } from '../../nodes/shared/transport/answer';
import {
	parseActiveActivations,
	parsePrices,
	parseStatus,
} from '../../nodes/shared/transport/rentVerifyAnswers';

const answer = (body: string, statusCode = 200): HttpAnswer => ({ statusCode, body });

function valueOf<T>(result: Parsed<T>): T {
	if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.problem)}`);
	return result.value;
}

describe('words that are built-in property names are unknown words, never table entries', () => {
	it.each(['valueOf', '__proto__', 'toString', 'constructor', 'hasOwnProperty'])('%s', (word) => {
		for (const body of [word, JSON.stringify({ status: 'error', error: word })]) {
			const result = parseStatus(answer(body));
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(typeof result.problem.message).toBe('string');
			expect(typeof result.problem.description).toBe('string');
			expect(result.problem.message.length).toBeGreaterThan(10);
		}
	});

	it('quotes a bare unknown word that is a property name', () => {
		const result = parseStatus(answer('valueOf'));
		expect(result.ok || result.problem.message).toContain('"valueOf"');
	});
});

describe('ids beyond 2^53 stay exact', () => {
	it('keeps long ids and price ids as strings', () => {
		expect(parseJsonKeepingIds('{"id": 12345678901234567890, "n": 12345678901234567890}')).toEqual({
			id: '12345678901234567890',
			n: 12345678901234567000,
		});
		const prices = valueOf(parsePrices(answer('{"usa":{"tg":{"price":0.5,"available":1,"price_id":12345678901234567890}}}')));
		expect(prices[0].priceId).toBe('12345678901234567890');
	});

	it('keeps a long OTPVerified order id and message id', () => {
		const rental = valueOf(
			parseRental(answer('{"statusCode":201,"success":true,"message":"ok","data":{"orderId":12345678901234567890,"price":"1.00"}}', 201)),
		);
		expect(rental.orderId).toBe('12345678901234567890');
		const [message] = valueOf(
			parseRentalMessages(
				answer('{"statusCode":200,"success":true,"data":{"messages":[{"id":98765432109876543210,"orderId":12345678901234567890,"pin":"1"}]}}'),
			),
		);
		expect(message.messageId).toBe('98765432109876543210');
		expect(message.orderId).toBe('12345678901234567890');
	});
});

describe('NO_ACTIVATIONS in JSON is an empty active list', () => {
	it.each(['NO_ACTIVATIONS', '{"status":"error","error":"NO_ACTIVATIONS"}', ' "NO_ACTIVATIONS"\n'])('%s', (body) => {
		expect(valueOf(parseActiveActivations(answer(body)))).toEqual([]);
	});

	it('while NO_ACTIVATION (singular) stays an error', () => {
		expect(parseActiveActivations(answer('{"status":"error","error":"NO_ACTIVATION"}', 403)).ok).toBe(false);
	});
});

describe('provider times', () => {
	it('refuses impossible dates instead of rolling them over', () => {
		expect(toIsoUtc('2025-02-30 12:00:00')).toBeNull();
		expect(toIsoUtc('2025-13-01 12:00:00')).toBeNull();
		expect(toIsoUtc('2025-07-11 24:00:00 EDT')).toBeNull();
	});

	it('keeps fractional seconds', () => {
		expect(toIsoUtc('2025-07-11T13:50:49.123Z')).toBe('2025-07-11T13:50:49.123Z');
		expect(toIsoUtc('2025-07-11 13:50:49.5 EDT')).toBe('2025-07-11T17:50:49.500Z');
	});
});

it('an OTPVerified list of validation messages reaches the user', () => {
	const result = unwrap(answer('{"statusCode":400,"success":false,"message":["duration must be one of oneDay, threeDay","serviceId is required"]}', 400));
	expect(result.ok).toBe(false);
	if (result.ok) return;
	expect(result.problem.message).toContain('duration must be one of oneDay, threeDay; serviceId is required');
});
