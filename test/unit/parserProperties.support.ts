/**
 * The properties every answer parser must keep, and the generators that test them: shared by the
 * property tests (parserProperties.test.ts, 10,000 inputs per parser) and the fuzzer
 * (scripts/fuzz-parsers.js, 100,000 per parser by default). Not a test file itself.
 *
 * For any answer (any HTTP status, any body: arbitrary text, arbitrary JSON with deep nesting and huge
 * numbers, documented answers and their mutations, unknown words, error envelopes) a parser:
 * - never throws;
 * - returns a problem with a non-empty word and message, or a value in which ids and phones are strings,
 *   numbers are finite, and no list entry lacks its id;
 * - takes as a success only an answer of a documented success shape (checked by an oracle written from
 *   the documentation, independently of the parser): unknown words are always problems.
 */
import fc from 'fast-check';

import type { HttpAnswer, Parsed } from '../../nodes/shared/transport/answer';
import * as otp from '../../nodes/shared/transport/otpVerifiedAnswers';
import * as rv from '../../nodes/shared/transport/rentVerifyAnswers';

export type Parser = (answer: HttpAnswer) => Parsed<unknown>;

/** What one input did to one parser. */
export interface Verdict {
	crash?: string;
	/** A problem without a word, message or description, or a result of neither shape. */
	badProblem?: string;
	/** A success for an answer that is not of a documented success shape. */
	unknownTakenAsSuccess?: boolean;
	/** Ids or phones that are not strings, or phones not in E.164. */
	badIdsOrPhones: string[];
	nonFinite: string[];
	/** List entries without their id, or that are not objects. */
	entriesWithoutId: string[];
}

export interface ParserUnderTest {
	name: string;
	parse: Parser;
	/** Answers of a documented success shape, generated. */
	documented: fc.Arbitrary<HttpAnswer>;
	/** The oracle: whether an answer may be a documented success (a success for anything else is a bug). */
	mayBeSuccess: (answer: HttpAnswer) => boolean;
	/** For a list value: the fields each entry must hold as a non-empty string. For one value: its id fields. */
	idFields: string[];
	/** Other fields of each entry (or of the value) that must be a string or null: ids, codes, the masked phone. */
	stringFields: string[];
	/** Whether the value is a list of entries. */
	isList: boolean;
	/** Whether this parser reads JSON (then arbitrary JSON error envelopes must be problems). */
	json: 'family' | 'otp' | false;
	/** The plain words this parser may take as success (every other word must be a problem). */
	successWords: string[];
}

// ---------------------------------------------------------------------------------------------------
// The oracle, written from the documentation (docs/PROVIDERS.md, docs/research/sms-activate-family.md).

/** The body as the family sends words: whitespace and one pair of matching quotes around it. */
function stripped(body: string): string {
	let text = body.trim();
	if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) text = text.slice(1, -1).trim();
	return text;
}

const DECIMAL_TEXT = /^\s*(["']?)\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*\1\s*$/;
const PHONE_TEXT = /^\s*(\+|00)?[\d\s().-]+\s*$/;

function parsesAsJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a JSON value is one of the family's error envelopes (never a success). */
function isErrorEnvelope(value: unknown): boolean {
	if (!isObject(value)) return false;
	return (
		typeof value.title === 'string' ||
		typeof value.error === 'string' ||
		['error', 'false', false, 0, '0'].includes(value.status as never) ||
		value.success === false
	);
}

const is2xx = (status: number) => status >= 200 && status <= 299;

function jsonSuccessOracle(options: { anyStatus?: boolean; words?: string[] } = {}) {
	return (answer: HttpAnswer): boolean => {
		const text = stripped(answer.body);
		if (options.words?.some((word) => text === word || text.startsWith(`${word}:`))) return true;
		const value = parsesAsJson(text);
		if (value === undefined || value === null || typeof value !== 'object') return false;
		return (options.anyStatus || is2xx(answer.statusCode)) && !isErrorEnvelope(value);
	};
}

const STATUS_WORDS = ['STATUS_WAIT_CODE', 'STATUS_WAIT_RESEND', 'STATUS_CANCEL'];

function statusOracle(text: string): boolean {
	if (STATUS_WORDS.includes(text)) return true;
	const match = /^STATUS_(OK|WAIT_RETRY):(.*)$/s.exec(text);
	return match !== null && stripped(match[2]) !== '';
}

/** OTPVerified: `{statusCode, data, message, success: true}`, statusCode (if any) an HTTP status below 400. */
function otpOracle(answer: HttpAnswer): boolean {
	const value = parsesAsJson(answer.body);
	if (!isObject(value) || value.success !== true || answer.statusCode >= 400) return false;
	const status = value.statusCode;
	if (status === undefined || status === null) return true;
	const text = typeof status === 'number' ? String(status) : typeof status === 'string' ? status.trim() : '';
	const number = Number(text);
	return /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text) && Number.isInteger(number) && number >= 100 && number < 400;
}

// ---------------------------------------------------------------------------------------------------
// Checking one result.

const E164 = /^\+\d{5,15}$/;

/** Every number in a value must be finite (`raw`, the provider's answer kept as it came, aside). */
function walkNumbers(value: unknown, path: string, verdict: Verdict, depth = 0): void {
	if (depth > 12) return;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) verdict.nonFinite.push(path);
		return;
	}
	if (Array.isArray(value)) {
		value.forEach((item, index) => walkNumbers(item, `${path}[${index}]`, verdict, depth + 1));
		return;
	}
	if (!isObject(value)) return;
	for (const [key, field] of Object.entries(value)) {
		if (key !== 'raw') walkNumbers(field, `${path}.${key}`, verdict, depth + 1);
	}
}

/** The id and phone fields of one entry (or of the value): strings, phones in E.164. */
function checkFields(entry: unknown, path: string, parser: ParserUnderTest, verdict: Verdict): void {
	if (!isObject(entry)) return;
	for (const key of [...parser.idFields, ...parser.stringFields]) {
		const field = entry[key];
		if (field !== undefined && field !== null && typeof field !== 'string') verdict.badIdsOrPhones.push(`${path}.${key} is ${typeof field}`);
	}
	const phone = entry.phoneNumber;
	if (phone !== undefined && phone !== null && (typeof phone !== 'string' || !E164.test(phone))) {
		verdict.badIdsOrPhones.push(`${path}.phoneNumber = ${JSON.stringify(phone)}`);
	}
}

function hasIds(entry: unknown, fields: string[]): boolean {
	return isObject(entry) && fields.every((field) => typeof entry[field] === 'string' && (entry[field] as string).trim() !== '');
}

/** Runs one parser on one answer and says what went wrong, if anything. */
export function judge(parser: ParserUnderTest, answer: HttpAnswer): Verdict {
	const verdict: Verdict = { badIdsOrPhones: [], nonFinite: [], entriesWithoutId: [] };
	let result: Parsed<unknown>;
	try {
		result = parser.parse(answer);
	} catch (error) {
		verdict.crash = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		return verdict;
	}
	if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
		verdict.badProblem = `not a Parsed result: ${String(result)}`;
		return verdict;
	}
	if (!result.ok) {
		const { problem } = result;
		if (
			!problem ||
			typeof problem.word !== 'string' ||
			problem.word === '' ||
			typeof problem.message !== 'string' ||
			problem.message.trim() === '' ||
			typeof problem.description !== 'string' ||
			typeof problem.transient !== 'boolean'
		) {
			verdict.badProblem = JSON.stringify(problem);
		}
		return verdict;
	}
	if (!parser.mayBeSuccess(answer)) verdict.unknownTakenAsSuccess = true;
	const { value } = result;
	walkNumbers(value, 'value', verdict);
	if (parser.isList) {
		if (!Array.isArray(value)) verdict.entriesWithoutId.push('value is not a list');
		else {
			value.forEach((entry, index) => {
				if (!hasIds(entry, parser.idFields)) verdict.entriesWithoutId.push(`value[${index}]`);
				checkFields(entry, `value[${index}]`, parser, verdict);
			});
		}
	} else {
		if (parser.idFields.length > 0 && !hasIds(value, parser.idFields)) verdict.entriesWithoutId.push('value');
		checkFields(value, 'value', parser, verdict);
	}
	return verdict;
}

export const isClean = (verdict: Verdict) =>
	!verdict.crash &&
	!verdict.badProblem &&
	!verdict.unknownTakenAsSuccess &&
	verdict.badIdsOrPhones.length === 0 &&
	verdict.nonFinite.length === 0 &&
	verdict.entriesWithoutId.length === 0;

// ---------------------------------------------------------------------------------------------------
// Generators.

const statusArb: fc.Arbitrary<number> = fc.oneof(
	{ weight: 6, arbitrary: fc.constant(200) },
	{ weight: 4, arbitrary: fc.constantFrom(201, 204, 301, 400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }) },
);

const answerOf = (bodyArb: fc.Arbitrary<string>, status: fc.Arbitrary<number> = statusArb): fc.Arbitrary<HttpAnswer> =>
	fc.record({ statusCode: status, body: bodyArb });

/** Decorations servers put around a word: whitespace, one pair of quotes. */
const decorated = (text: fc.Arbitrary<string>) =>
	fc.tuple(text, fc.constantFrom('', ' ', '\n', '\r\n', '\t'), fc.constantFrom('', ' ', '\n', '\r\n'), fc.constantFrom('', '"', "'")).map(
		([core, before, after, quote]) => `${before}${quote}${core}${quote}${after}`,
	);

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const codeArb = fc.stringMatching(/^[A-Za-z0-9-]{1,10}$/);
const serviceCode = fc.stringMatching(/^[a-z]{2,3}$/);
const decimalArb = fc.oneof(
	fc.nat({ max: 100_000 }).map(String),
	fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((value) => String(Math.abs(value))),
	fc.tuple(fc.nat({ max: 999 }), digits(1, 4)).map(([whole, fraction]) => `${whole}.${fraction}`),
);
const phoneArb = fc.tuple(fc.constantFrom('', '+'), fc.constantFrom('1', '7', '44', '60', '62', '91'), digits(8, 10)).map(
	([plus, country, rest]) => `${plus}${country}${rest}`,
);
const maskedArb = fc.tuple(digits(2, 5), fc.integer({ min: 1, max: 8 }), digits(0, 2)).map(([start, stars, end]) => `${start}${'*'.repeat(stars)}${end}`);
const idArb = fc.oneof(digits(1, 20), fc.nat().map((id) => id));

/** Every plain success word of the protocol: any other word must be a problem to every parser. */
const SUCCESS_WORDS = new Set([
	'ACCESS_BALANCE',
	'ACCESS_NUMBER',
	...STATUS_WORDS,
	'STATUS_OK',
	'STATUS_WAIT_RETRY',
	'ACCESS_READY',
	'ACCESS_RETRY_GET',
	'ACCESS_ACTIVATION',
	'ACCESS_CANCEL',
	'NO_ACTIVATIONS',
]);

const knownWordArb = fc.constantFrom(...SUCCESS_WORDS, 'NO_ACTIVATION', 'NO_NUMBERS', 'BAD_KEY', 'BANNED', 'WRONG_MAX_PRICE', 'STATUS_WAIT');

/** Words no parser knows as a success: random words, near-collisions of known ones, other cases. */
export const unknownWordArb: fc.Arbitrary<string> = fc
	.oneof(
		fc.stringMatching(/^[A-Z][A-Z0-9_]{0,24}$/),
		fc.tuple(knownWordArb, fc.stringMatching(/^[A-Z0-9_]{1,3}$/)).map(([word, suffix]) => `${word}${suffix}`),
		fc.tuple(knownWordArb, fc.stringMatching(/^[A-Z_]{1,3}$/)).map(([word, prefix]) => `${prefix}${word}`),
		knownWordArb.map((word) => word.toLowerCase()),
		knownWordArb.map((word) => `${word[0]}${word.slice(1).toLowerCase()}`),
	)
	.filter((word) => !SUCCESS_WORDS.has(word));

const unknownAnswerBody: fc.Arbitrary<string> = decorated(
	fc.tuple(unknownWordArb, fc.option(fc.string({ maxLength: 20 }), { nil: undefined })).map(([word, rest]) =>
		rest === undefined ? word : `${word}:${rest}`,
	),
);

/** JSON error envelopes in every form the family uses, with any word but NO_ACTIVATIONS. */
const errorEnvelopeBody: fc.Arbitrary<string> = fc
	.tuple(
		fc.oneof(unknownWordArb, fc.constantFrom('BAD_KEY', 'NO_NUMBERS', 'BANNED', 'WRONG_MAX_PRICE', 'NOT_FOUND', 'ERROR_SQL')),
		fc.string({ maxLength: 30 }),
		fc.jsonValue({ maxDepth: 2 }),
		fc.nat({ max: 7 }),
	)
	.map(([word, said, info, form]) => {
		const forms = [
			{ title: word, details: said, info },
			{ title: word },
			{ status: 'error', error: word },
			{ status: 'error', message: said || word },
			{ error: word, message: said },
			{ status: 'false', msg: said },
			{ status: 0, message: said || 'No access', data: [] },
			{ success: false, message: said },
		];
		return JSON.stringify(forms[form]);
	});

/** A number as JSON text, from ordinary to huge and invalid (`1e999`, 30 digits, `-0`, `0x10`). */
const jsonNumberText: fc.Arbitrary<string> = fc.oneof(
	fc.double().map((value) => (Number.isFinite(value) ? String(value) : '1e999')),
	fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
	fc.constantFrom('1e999', '-1e999', '123456789012345678901234567890', '-0', '0.0000001', '1e-400', '9007199254740993', '"0x10"', '"Infinity"', '"NaN"', '"1e3"', '" 12 "', '""'),
);

/** Nesting far deeper than any documented answer. */
const deepBody: fc.Arbitrary<string> = fc
	.tuple(fc.integer({ min: 20, max: 3_000 }), fc.constantFrom('{"price":', '[', '{"a":', '{"0":'), fc.constantFrom('0.5', 'null', '"x"', '{}'))
	.map(([depth, open, leaf]) => {
		const close = open === '[' ? ']' : '}';
		return `{"usa":{"tg":${open.repeat(depth)}${leaf}${close.repeat(depth)}}}`;
	});

/** Documented shapes with their values replaced by huge or invalid numbers. */
const hugeNumberBody: fc.Arbitrary<string> = fc
	.tuple(jsonNumberText, jsonNumberText, fc.nat({ max: 6 }))
	.map(([a, b, form]) =>
		[
			`{"186":{"tg":{"cost":${a},"count":${b},"physicalCount":${b}}}}`,
			`{"tg":{"186":${a}}}`,
			`[{"id":${a},"eng":"X"}]`,
			`{"status":"success","activeActivations":[{"activationId":${a},"phoneNumber":${b},"activationCost":${a}}]}`,
			`{"tg_0":${a},"wa_1":${b}}`,
			`{"activationId":${a},"phoneNumber":${b},"activationCost":${a}}`,
			`{"statusCode":200,"success":true,"message":"ok","data":{"orderId":${a},"number":${b},"price":${a},"duration":${b}}}`,
		][form],
	);

/** Mutations of a text: a slice cut out, junk put in, a character changed, cut short. */
function mutateText(text: string, kind: number, at: number, length: number, junk: string): string {
	const position = text.length === 0 ? 0 : at % (text.length + 1);
	switch (kind) {
		case 0:
			return text.slice(0, position) + text.slice(position + 1 + (length % 5));
		case 1:
			return text.slice(0, position) + junk + text.slice(position);
		case 2:
			return text.slice(0, position) + junk.slice(0, 1) + text.slice(position + 1);
		case 3:
			return text.slice(0, position);
		default:
			return text.toLowerCase();
	}
}

/** Mutations of a JSON answer: one value anywhere replaced by arbitrary JSON, or one key removed. */
function mutateJson(text: string, pick: number, replacement: unknown, remove: boolean): string | undefined {
	const value = parsesAsJson(text);
	if (value === undefined || typeof value !== 'object' || value === null) return undefined;
	const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
	const collect = (node: unknown, depth: number) => {
		if (depth > 6 || node === null || typeof node !== 'object') return;
		for (const key of Object.keys(node)) {
			const index = Array.isArray(node) ? Number(key) : key;
			slots.push([node as Record<string, unknown>, index]);
			collect((node as Record<string, unknown>)[key], depth + 1);
		}
	};
	collect(value, 0);
	if (slots.length === 0) return JSON.stringify(replacement);
	const [holder, key] = slots[pick % slots.length];
	if (remove && !Array.isArray(holder)) delete (holder as Record<string, unknown>)[key as string];
	else (holder as Record<string | number, unknown>)[key] = replacement;
	return JSON.stringify(value);
}

function mutations(documented: fc.Arbitrary<HttpAnswer>): fc.Arbitrary<HttpAnswer> {
	return fc.oneof(
		fc
			.tuple(documented, fc.nat({ max: 4 }), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }))
			.map(([answer, kind, at, length, junk]) => ({ ...answer, body: mutateText(answer.body, kind, at, length, junk) })),
		fc
			.tuple(documented, fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.boolean())
			.map(([answer, pick, replacement, remove]) => ({ ...answer, body: mutateJson(answer.body, pick, replacement, remove) ?? answer.body })),
		fc.tuple(documented, statusArb).map(([answer, statusCode]) => ({ ...answer, statusCode })),
	);
}

/** Every kind of input, for one parser. */
export function inputsFor(parser: ParserUnderTest): fc.Arbitrary<HttpAnswer> {
	return fc.oneof(
		{ weight: 3, arbitrary: answerOf(fc.string({ maxLength: 60 })) },
		{ weight: 1, arbitrary: answerOf(fc.string({ unit: 'binary', maxLength: 40 })) },
		{ weight: 3, arbitrary: answerOf(fc.json({ maxDepth: 4 })) },
		{ weight: 1, arbitrary: answerOf(fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ status: 'success', data: value, activeActivations: value, services: value }))) },
		{ weight: 1, arbitrary: answerOf(deepBody) },
		{ weight: 2, arbitrary: answerOf(hugeNumberBody) },
		{ weight: 2, arbitrary: answerOf(unknownAnswerBody) },
		{ weight: 2, arbitrary: answerOf(errorEnvelopeBody) },
		{ weight: 2, arbitrary: parser.documented },
		{ weight: 6, arbitrary: mutations(parser.documented) },
	);
}

/** Answers that must be problems to this parser: unknown words, and for JSON reads error envelopes. */
export function mustFailFor(parser: ParserUnderTest): fc.Arbitrary<HttpAnswer> {
	const bodies = [unknownAnswerBody];
	if (parser.json === 'family') bodies.push(errorEnvelopeBody.filter((body) => !body.includes('NO_ACTIVATIONS')));
	return answerOf(fc.oneof(...bodies));
}

// ---------------------------------------------------------------------------------------------------
// Documented answers, per read.

const okAnswer = (body: fc.Arbitrary<string>) => answerOf(body, fc.constantFrom(200, 201));

const countryEntry = fc.record({ id: idArb, eng: fc.string({ minLength: 1, maxLength: 12 }), rus: fc.string({ maxLength: 8 }), visible: fc.constantFrom(0, 1) });
const countryBodies = fc.oneof(
	fc.array(countryEntry, { maxLength: 5 }).map((entries) => JSON.stringify(entries)),
	fc.array(countryEntry, { maxLength: 5 }).map((entries) => JSON.stringify(Object.fromEntries(entries.map((entry) => [String(entry.id), entry])))),
	fc.array(fc.record({ id: fc.stringMatching(/^[a-z]{3,8}$/), name: fc.string({ maxLength: 12 }) }), { maxLength: 4 }).map((entries) => JSON.stringify(entries)),
);

const serviceEntry = fc.record({ code: serviceCode, name: fc.string({ maxLength: 12 }) });
const serviceBodies = fc.oneof(
	fc.array(serviceEntry, { maxLength: 5 }).map((entries) => JSON.stringify(entries)),
	fc.array(serviceEntry, { maxLength: 5 }).map((services) => JSON.stringify({ status: 'success', services })),
);

const offerArb = fc.oneof(
	fc.record({ cost: fc.oneof(decimalArb, decimalArb.map(Number)), count: fc.nat({ max: 9999 }), physicalCount: fc.nat({ max: 9999 }) }),
	fc.record({ price: decimalArb.map(Number), available: fc.nat({ max: 999 }), price_id: fc.stringMatching(/^[A-Za-z0-9=]{1,12}$/) }),
	fc.record({ cost: decimalArb, count: fc.nat({ max: 9999 }).map(String) }),
);
const priceBodies = fc.oneof(
	fc.dictionary(digits(1, 3), fc.dictionary(serviceCode, offerArb, { minKeys: 1, maxKeys: 3 }), { maxKeys: 3 }).map((map) => JSON.stringify(map)),
	fc.dictionary(serviceCode, fc.dictionary(digits(1, 3), decimalArb.map(Number), { minKeys: 1, maxKeys: 3 }), { maxKeys: 3 }).map((map) => JSON.stringify(map)),
	fc.dictionary(fc.constantFrom('usa', 'england', 'india'), fc.dictionary(fc.constantFrom('tg', 'wa', 'facebook'), offerArb, { minKeys: 1, maxKeys: 3 }), { maxKeys: 3 }).map((map) => JSON.stringify(map)),
);

const activationEntry = fc.oneof(
	fc.record({
		activationId: idArb,
		serviceCode,
		phoneNumber: fc.oneof(phoneArb, maskedArb),
		activationCost: fc.oneof(decimalArb, decimalArb.map(Number)),
		activationStatus: fc.constantFrom('1', '3', '4', '6', '8'),
		smsCode: fc.oneof(fc.constant(null), codeArb, fc.array(codeArb, { maxLength: 2 })),
		smsText: fc.string({ maxLength: 20 }),
		activationTime: fc.constantFrom('2022-06-01 16:59:16', '2026-02-18T16:11:33+00:00'),
		countryCode: fc.oneof(digits(1, 3), fc.nat({ max: 200 })),
	}),
	fc.record({
		id: idArb,
		number: fc.oneof(phoneArb, phoneArb.map((phone) => Number(phone.replace('+', '')))),
		service: serviceCode,
		country: fc.constantFrom('usa', 'england'),
		status: fc.constantFrom('active', 'received'),
		cost: decimalArb.map(Number),
		expires_at: fc.constant('2025-04-26 13:03:00'),
		created_at: fc.constant('2025-04-26 12:43:00'),
	}),
);
const activationBodies = fc.oneof(
	fc.array(activationEntry, { maxLength: 4 }).map((entries) => JSON.stringify({ status: 'success', activeActivations: entries })),
	fc.array(activationEntry, { maxLength: 4 }).map((entries) => JSON.stringify({ status: 'success', data: entries })),
	fc.array(activationEntry, { maxLength: 4 }).map((entries) => JSON.stringify(entries)),
	decorated(fc.constant('NO_ACTIVATIONS')),
	fc.constant('{"status":"error","error":"NO_ACTIVATIONS"}'),
);

const numbersStatusBodies = fc
	.dictionary(fc.tuple(serviceCode, fc.constantFrom('_0', '_1', '')).map(([code, suffix]) => `${code}${suffix}`), fc.oneof(fc.nat({ max: 9999 }), fc.nat({ max: 9999 }).map(String)), { maxKeys: 6 })
	.map((map) => JSON.stringify(map));

const numberV2Bodies = fc
	.record({
		activationId: idArb,
		phoneNumber: fc.oneof(phoneArb, maskedArb, phoneArb.map((phone) => Number(phone.replace('+', '')))),
		activationCost: fc.oneof(decimalArb, decimalArb.map(Number)),
		currency: fc.constant(840),
		countryCode: fc.oneof(digits(1, 3), fc.nat({ max: 200 })),
		canGetAnotherSms: fc.constantFrom('1', '0', true, false),
		activationTime: fc.constantFrom('2022-06-01 17:30:57', '2026-02-18T16:11:33+00:00'),
		activationOperator: fc.constantFrom('mtt', 'any'),
	})
	.map((value) => JSON.stringify(value));

const smsPart = fc.record({ dateTime: fc.constant('2022-06-01 17:30:57'), code: fc.oneof(codeArb, fc.constant(null)), text: fc.string({ maxLength: 20 }) });
const statusV2Bodies = fc.oneof(
	fc.record({ verificationType: fc.constantFrom(0, 1, 2), sms: fc.oneof(smsPart, fc.constant(null)), call: fc.constant(null) }).map((value) => JSON.stringify(value)),
	fc
		.record({ verificationType: fc.constant('sms'), data: fc.record({ id: digits(5, 10), phoneFrom: fc.constant('Telegram'), code: fc.oneof(codeArb, fc.constant(null)), text: fc.string({ maxLength: 20 }), date: fc.constant('2026-02-16T12:36:59+03:00') }) })
		.map((value) => JSON.stringify(value)),
	decorated(fc.constantFrom(...STATUS_WORDS)),
);

const envelope = (data: fc.Arbitrary<unknown>, statusCode = 200) =>
	answerOf(
		fc.tuple(data, fc.string({ maxLength: 20 })).map(([value, message]) => JSON.stringify({ statusCode, data: value, message, success: true })),
		fc.constant(statusCode),
	);

const rentalService = fc.record({
	serviceId: fc.oneof(fc.stringMatching(/^[a-f0-9]{8}$/), fc.nat()),
	serviceName: fc.string({ maxLength: 12 }),
	price: fc.oneof(decimalArb, decimalArb.map(Number)),
	prices: fc.record({ oneDay: decimalArb, thirtyDay: decimalArb }),
});
const rentalArb = fc.record({
	orderId: fc.oneof(digits(1, 20), fc.nat()),
	number: fc.oneof(phoneArb, phoneArb.map((phone) => Number(phone.replace('+', '')))),
	serviceName: fc.string({ maxLength: 10 }),
	areas: fc.constantFrom('503', null),
	duration: fc.constantFrom(1, 3, 30, '7'),
	purchased: fc.constant('2025-04-26 12:43:00'),
	expires: fc.constant('2025-04-29 12:43:00'),
	price: decimalArb,
	status: fc.constant('reserved'),
});
const messageArb = fc.record({
	id: fc.oneof(fc.stringMatching(/^[a-f0-9]{8}$/), fc.nat()),
	orderId: digits(1, 10),
	timestamp: fc.constantFrom('2025-07-11 13:50:49 EDT', '2025-01-11 13:50:49 EST'),
	service: fc.constant('GMail'),
	sender: fc.constant('22000'),
	number: phoneArb,
	message: fc.string({ maxLength: 30 }),
	pin: fc.oneof(codeArb, fc.constant(null)),
});

// ---------------------------------------------------------------------------------------------------
// The parsers.

const setStatus = (status: 1 | 3 | 6 | 8, word: string): ParserUnderTest => ({
	name: `parseSetStatus(${status})`,
	parse: (answer) => rv.parseSetStatus(answer, status),
	documented: okAnswer(decorated(fc.constant(word))),
	mayBeSuccess: (answer) => stripped(answer.body) === word,
	idFields: [],
	stringFields: [],
	isList: false,
	json: false,
	successWords: [word],
});

export const PARSERS: ParserUnderTest[] = [
	{
		name: 'parseBalance',
		parse: rv.parseBalance,
		documented: okAnswer(decorated(fc.tuple(fc.constantFrom('', ' ', " '"), decimalArb).map(([sep, n]) => `ACCESS_BALANCE:${sep}${n}${sep.includes("'") ? "'" : ''}`))),
		mayBeSuccess: (answer) => {
			const match = /^ACCESS_BALANCE:(.*)$/s.exec(stripped(answer.body));
			return match !== null && DECIMAL_TEXT.test(match[1]);
		},
		idFields: [],
		stringFields: [],
		isList: false,
		json: false,
		successWords: ['ACCESS_BALANCE'],
	},
	{
		name: 'parseNumber',
		parse: rv.parseNumber,
		documented: okAnswer(decorated(fc.tuple(digits(1, 20), phoneArb).map(([id, phone]) => `ACCESS_NUMBER:${id}:${phone}`))),
		mayBeSuccess: (answer) => {
			const parts = stripped(answer.body).split(':');
			return parts.length === 3 && parts[0] === 'ACCESS_NUMBER' && /^\s*\d+\s*$/.test(parts[1]) && PHONE_TEXT.test(parts[2]);
		},
		idFields: ['activationId'],
		stringFields: ['answer'],
		isList: false,
		json: false,
		successWords: ['ACCESS_NUMBER'],
	},
	{
		name: 'parseStatus',
		parse: rv.parseStatus,
		documented: okAnswer(
			decorated(fc.oneof(fc.constantFrom(...STATUS_WORDS), fc.tuple(fc.constantFrom('STATUS_OK:', 'STATUS_WAIT_RETRY:', "STATUS_OK: '"), codeArb).map(([word, code]) => `${word}${code}${word.endsWith("'") ? "'" : ''}`))),
		),
		mayBeSuccess: (answer) => statusOracle(stripped(answer.body)),
		idFields: [],
		stringFields: ['code', 'codeDigits', 'word'],
		isList: false,
		json: false,
		successWords: ['STATUS_WAIT_CODE', 'STATUS_WAIT_RESEND', 'STATUS_CANCEL', 'STATUS_OK', 'STATUS_WAIT_RETRY'],
	},
	{
		name: 'parseCancel',
		parse: rv.parseCancel,
		documented: okAnswer(decorated(fc.constant('ACCESS_CANCEL'))),
		mayBeSuccess: (answer) => stripped(answer.body) === 'ACCESS_CANCEL',
		idFields: [],
		stringFields: [],
		isList: false,
		json: false,
		successWords: ['ACCESS_CANCEL'],
	},
	setStatus(1, 'ACCESS_READY'),
	setStatus(3, 'ACCESS_RETRY_GET'),
	setStatus(6, 'ACCESS_ACTIVATION'),
	setStatus(8, 'ACCESS_CANCEL'),
	{
		name: 'parseCountries',
		parse: rv.parseCountries,
		documented: okAnswer(countryBodies),
		mayBeSuccess: jsonSuccessOracle(),
		idFields: ['id', 'name'],
		stringFields: [],
		isList: true,
		json: 'family',
		successWords: [],
	},
	{
		name: 'parseServices',
		parse: rv.parseServices,
		documented: okAnswer(serviceBodies),
		mayBeSuccess: jsonSuccessOracle(),
		idFields: ['code', 'name'],
		stringFields: [],
		isList: true,
		json: 'family',
		successWords: [],
	},
	{
		name: 'parsePrices',
		parse: rv.parsePrices,
		documented: okAnswer(priceBodies),
		mayBeSuccess: jsonSuccessOracle(),
		idFields: ['country', 'service'],
		stringFields: ['priceId'],
		isList: true,
		json: 'family',
		successWords: [],
	},
	{
		name: 'parseActiveActivations',
		parse: rv.parseActiveActivations,
		documented: okAnswer(activationBodies),
		mayBeSuccess: (answer) => {
			const text = stripped(answer.body);
			const value = parsesAsJson(text);
			if (text === 'NO_ACTIVATIONS') return true;
			if (isObject(value) && (value.error === 'NO_ACTIVATIONS' || value.title === 'NO_ACTIVATIONS')) return true;
			return jsonSuccessOracle()(answer);
		},
		idFields: ['activationId'],
		stringFields: ['service', 'country', 'status', 'statusCode', 'phoneMasked', 'code', 'smsText', 'createdAt', 'expiresAt'],
		isList: true,
		json: 'family',
		successWords: ['NO_ACTIVATIONS'],
	},
	{
		name: 'parseNumbersStatus',
		parse: rv.parseNumbersStatus,
		documented: okAnswer(numbersStatusBodies),
		mayBeSuccess: jsonSuccessOracle(),
		idFields: ['service'],
		stringFields: [],
		isList: true,
		json: 'family',
		successWords: [],
	},
	{
		name: 'parseNumberV2',
		parse: rv.parseNumberV2,
		documented: okAnswer(numberV2Bodies),
		mayBeSuccess: (answer) => {
			const value = parsesAsJson(stripped(answer.body));
			return isObject(value) && 'activationId' in value && !isErrorEnvelope(value);
		},
		idFields: ['activationId'],
		stringFields: ['phoneMasked', 'country', 'operator', 'currency', 'activatedAt', 'expiresAt'],
		isList: false,
		json: 'family',
		successWords: [],
	},
	{
		name: 'parseStatusV2',
		parse: rv.parseStatusV2,
		documented: okAnswer(statusV2Bodies),
		mayBeSuccess: (answer) => statusOracle(stripped(answer.body)) || jsonSuccessOracle()(answer),
		idFields: [],
		stringFields: ['code', 'codeDigits', 'word'],
		isList: false,
		json: 'family',
		successWords: ['STATUS_WAIT_CODE', 'STATUS_WAIT_RESEND', 'STATUS_CANCEL', 'STATUS_OK', 'STATUS_WAIT_RETRY'],
	},
	{
		name: 'parseRentalServices',
		parse: otp.parseRentalServices,
		documented: envelope(fc.oneof(fc.array(rentalService, { maxLength: 4 }), fc.array(rentalService, { maxLength: 3 }).map((list) => ({ ...list })))),
		mayBeSuccess: otpOracle,
		idFields: ['serviceId'],
		stringFields: ['serviceName'],
		isList: true,
		json: 'otp',
		successWords: [],
	},
	{
		name: 'parseRental',
		parse: otp.parseRental,
		documented: envelope(rentalArb, 201),
		mayBeSuccess: otpOracle,
		idFields: ['orderId'],
		stringFields: ['serviceName', 'areaCode', 'status', 'purchasedAt', 'expiresAt', 'phoneMasked'],
		isList: false,
		json: 'otp',
		successWords: [],
	},
	{
		name: 'parseRentalMessages',
		parse: otp.parseRentalMessages,
		documented: envelope(fc.oneof(fc.array(messageArb, { maxLength: 3 }).map((messages) => ({ messages })), fc.array(messageArb, { maxLength: 3 }))),
		mayBeSuccess: otpOracle,
		idFields: ['messageId'],
		stringFields: ['orderId', 'service', 'sender', 'text', 'pin', 'code', 'receivedAt'],
		isList: true,
		json: 'otp',
		successWords: [],
	},
	{
		name: 'parseRelease',
		parse: otp.parseRelease,
		documented: envelope(fc.constant(undefined)),
		mayBeSuccess: otpOracle,
		idFields: [],
		stringFields: ['message'],
		isList: false,
		json: 'otp',
		successWords: [],
	},
];

/** The parsers whose documented answers must all be read as a success (all of them). */
export const documentedIsSuccess = (parser: ParserUnderTest, answer: HttpAnswer): boolean => parser.parse(answer).ok;
