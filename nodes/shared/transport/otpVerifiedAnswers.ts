/**
 * Pure parsers for OTPVerified's JSON envelope `{statusCode, data, message, success}`:
 * no HTTP here, so each rule of docs/PROVIDERS.md is unit-tested on plain strings.
 *
 * As for RentVerify: only the documented success is a success; a list entry that is not an object or has
 * no id makes the answer unexpected (never a blank row); ids and phones are strings, numbers decimal and
 * finite; no input, however large or deep, makes a parser throw.
 */
import {
	asId,
	asList,
	asText,
	codeDigits,
	exceedsJsonDepth,
	findCodeInText,
	isPlainObject,
	maskedPhone,
	parseJsonKeepingIds,
	quote,
	toE164,
	toCount,
	toIsoUtc,
	toNumber,
} from '../normalize';
import type { HttpAnswer, Parsed, ProviderProblem } from './answer';
import { failed, parsed, transportProblem, unexpectedAnswer } from './answer';

export const PROVIDER = 'OTPVerified';

interface Envelope {
	statusCode?: unknown;
	data?: unknown;
	message?: unknown;
	success?: unknown;
}

const WHAT_TO_DO: Record<number, string> = {
	400: 'Check the parameters: the service, duration, area code or order ID.',
	401: 'Check the API key in the OTPVerified credential: copy it again from your account.',
	402: 'Top up your OTPVerified balance, then try again. Nothing was rented.',
	403: 'Check that your OTPVerified account may use the API.',
	404: 'Check the order ID: use the `id` that Rent Number returned.',
};

function envelopeProblem(status: number, envelope: Envelope): ProviderProblem {
	// Some JSON APIs send a list of validation messages instead of one.
	const message = Array.isArray(envelope.message)
		? envelope.message.map((item) => asText(item) ?? '').filter((item) => item.trim() !== '').join('; ')
		: envelope.message;
	const said = typeof message === 'string' && message.trim() !== '' ? message : 'no reason given';
	const transient = status >= 500 || status === 429;
	return {
		word: `HTTP_${status}`,
		message: `OTPVerified refused the request: "${quote(said, 200)}" (HTTP ${status})`,
		description:
			WHAT_TO_DO[status] ??
			(transient ? 'The service is having trouble; try again in a moment.' : 'The provider said why above.'),
		transient,
	};
}

/** An unexpected-answer problem that cannot fail itself, whatever the answer holds. */
function unexpected(answer: HttpAnswer): ProviderProblem {
	try {
		return unexpectedAnswer(PROVIDER, answer);
	} catch {
		return {
			word: 'UNEXPECTED_ANSWER',
			message: `${PROVIDER} gave an answer that could not be read`,
			description: 'Nothing was assumed from it. If it repeats, report the answer to the package maintainers.',
			transient: false,
		};
	}
}

/** Runs a parser so that nothing it meets can throw out of it: any failure is the unexpected-answer problem. */
function guarded<T>(answer: HttpAnswer, run: () => Parsed<T>): Parsed<T> {
	try {
		return run();
	} catch {
		return failed(unexpected(answer));
	}
}

/** The `data` of a successful envelope, or the problem the answer holds. */
export function unwrap(answer: HttpAnswer): Parsed<unknown> {
	return guarded(answer, () => unwrapEnvelope(answer));
}

function unwrapEnvelope(answer: HttpAnswer): Parsed<unknown> {
	const problem = transportProblem(PROVIDER, answer);
	if (problem) return failed(problem);
	let envelope: Envelope;
	try {
		// Deeper than any documented answer: refused before anything recursive meets it.
		if (exceedsJsonDepth(answer.body)) return failed(unexpected(answer));
		envelope = parseJsonKeepingIds(answer.body) as Envelope;
	} catch {
		return failed(unexpected(answer));
	}
	if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope)) {
		return failed(unexpected(answer));
	}
	// The envelope's own status: an HTTP status (100–599), as a number or a decimal string.
	const statusField = envelope.statusCode;
	const counted = toCount(statusField);
	const envelopeStatus = counted !== null && counted >= 100 && counted <= 599 ? counted : null;
	const status =
		answer.statusCode >= 400 ? answer.statusCode : envelopeStatus !== null && envelopeStatus >= 400 ? envelopeStatus : answer.statusCode;
	if (envelope.success === false || status >= 400) return failed(envelopeProblem(status, envelope));
	if (envelope.success !== true) return failed(unexpected(answer));
	// A statusCode that is not a status (`[500]`, `"ok"`) is not the documented envelope.
	if (statusField !== undefined && statusField !== null && envelopeStatus === null) return failed(unexpected(answer));
	return parsed(envelope.data);
}

function interpret<T>(answer: HttpAnswer, parse: (data: unknown) => T | undefined): Parsed<T> {
	return guarded(answer, () => {
		const data = unwrapEnvelope(answer);
		if (!data.ok) return data;
		const value = parse(data.value);
		return value === undefined ? failed(unexpected(answer)) : parsed(value);
	});
}

/** Every entry of a list through `read`; undefined (the whole answer is unexpected) if any entry is not readable. */
function everyEntry<T>(entries: unknown[], read: (entry: unknown) => T | undefined): T[] | undefined {
	const values: T[] = [];
	for (const entry of entries) {
		const value = read(entry);
		if (value === undefined) return undefined;
		values.push(value);
	}
	return values;
}

const PRICE_FIELD = /price|cost|surcharge|fee/i;

/** How deep a price table is read for numbers; deeper parts are kept as they came. */
const PRICE_TABLE_DEPTH = 4;

/** `"3.46"` → 3.46, also inside a price table such as `{oneDay: "3.46", …}`; anything else as it was. Decimal only. */
function pricesAsNumbers(value: unknown, depth = 0): unknown {
	if (isPlainObject(value)) {
		if (depth >= PRICE_TABLE_DEPTH) return finiteNumbers(value);
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, pricesAsNumbers(entry, depth + 1)]));
	}
	return toNumber(value) ?? finiteNumbers(value);
}

/**
 * A field kept as the provider sent it, with every number finite: JSON reads `1e999` as Infinity, which
 * no output can carry; it becomes null. (The answer's depth is bounded before parsing, so this ends.)
 */
function finiteNumbers(value: unknown): unknown {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (Array.isArray(value)) return value.map(finiteNumbers);
	if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, finiteNumbers(entry)]));
	return value;
}

export type RentalService = { serviceId: string; serviceName: string } & Record<string, unknown>;

/**
 * Services with every field the provider sends; numeric price fields (`"3.46"`) become numbers. Every
 * entry must be an object with a `serviceId`.
 */
export function parseRentalServices(answer: HttpAnswer): Parsed<RentalService[]> {
	return interpret(answer, (data) => {
		const list = asList(data);
		return (
			list &&
			everyEntry(list, (entry) => {
				if (!isPlainObject(entry)) return undefined;
				const serviceId = asId(entry.serviceId);
				if (serviceId === null) return undefined;
				// Built with fromEntries: a field named `__proto__` stays a field, never the object's prototype.
				const fields = Object.entries(entry).map(([key, value]) => [key, PRICE_FIELD.test(key) ? pricesAsNumbers(value) : finiteNumbers(value)]);
				const service: RentalService = {
					...Object.fromEntries(fields),
					serviceId,
					serviceName: asText(entry.serviceName) ?? '',
				};
				return service;
			})
		);
	});
}

export interface Rental {
	orderId: string;
	phoneNumber: string | null;
	serviceName: string;
	areaCode: string | null;
	durationDays: number | null;
	purchasedAt: string | null;
	purchasedAtOriginal: string | null;
	expiresAt: string | null;
	expiresAtOriginal: string | null;
	price: number | null;
	status: string;
	raw: Record<string, unknown>;
	/** A masked phone, kept as given (its digits are not all known); `phoneNumber` is then null. */
	phoneMasked?: string;
}

/** A field as the text it came as (a JSON number in decimal); null when absent or not text. */
const original = (value: unknown): string | null => asText(value);

/** The answer to `request-rental`; times are UTC without a zone, the price a string. */
export function parseRental(answer: HttpAnswer): Parsed<Rental> {
	return interpret(answer, (data) => {
		if (!isPlainObject(data)) return undefined;
		const raw = data;
		const orderId = asId(raw.orderId);
		if (orderId === null) return undefined;
		const masked = toE164(raw.number) === null ? maskedPhone(raw.number) : null;
		return {
			orderId,
			...(masked ? { phoneMasked: masked } : {}),
			phoneNumber: toE164(raw.number),
			serviceName: asText(raw.serviceName) ?? '',
			areaCode: original(raw.areas),
			durationDays: toNumber(raw.duration),
			purchasedAt: toIsoUtc(raw.purchased),
			purchasedAtOriginal: original(raw.purchased),
			expiresAt: toIsoUtc(raw.expires),
			expiresAtOriginal: original(raw.expires),
			price: toNumber(raw.price),
			status: asText(raw.status)?.trim() ?? '',
			raw,
		};
	});
}

export interface RentalMessage {
	messageId: string;
	orderId: string;
	receivedAt: string | null;
	receivedAtOriginal: string | null;
	service: string;
	sender: string;
	phoneNumber: string | null;
	text: string;
	/** The code as the provider extracted it (`G-276964`). */
	pin: string | null;
	/** Its plain digits (`276964`), or a code found in the text when the provider gave no pin. */
	code: string | null;
	raw: Record<string, unknown>;
}

function messageList(data: unknown): unknown[] | undefined {
	if (Array.isArray(data)) return data;
	if (!isPlainObject(data)) return undefined;
	const { messages } = data;
	if (messages === undefined) return Object.keys(data).length === 0 ? [] : undefined;
	return asList(messages);
}

function messageOf(entry: unknown): RentalMessage | undefined {
	if (!isPlainObject(entry)) return undefined;
	const messageId = asId(entry.id);
	if (messageId === null) return undefined;
	const pin = asText(entry.pin)?.trim() || null;
	const text = asText(entry.message ?? entry.text) ?? '';
	return {
		messageId,
		orderId: asId(entry.orderId) ?? '',
		receivedAt: toIsoUtc(entry.timestamp),
		receivedAtOriginal: original(entry.timestamp),
		service: asText(entry.service) ?? '',
		sender: asText(entry.sender) ?? '',
		phoneNumber: toE164(entry.number),
		text,
		pin,
		code: codeDigits(pin) ?? findCodeInText(text),
		raw: entry,
	};
}

/** `{messages: [...]}` (also a bare list, or an empty `{}`), each with its time in a US zone; every message needs its `id`. */
export function parseRentalMessages(answer: HttpAnswer): Parsed<RentalMessage[]> {
	return interpret(answer, (data) => {
		const list = messageList(data);
		return list && everyEntry(list, messageOf);
	});
}

/** The answer to `release-rental`: no data, only a message. */
export function parseRelease(answer: HttpAnswer): Parsed<{ message: string }> {
	return guarded(answer, () => {
		const data = unwrapEnvelope(answer);
		if (!data.ok) return data;
		const { message } = JSON.parse(answer.body) as Envelope;
		return parsed({ message: typeof message === 'string' ? message : '' });
	});
}
