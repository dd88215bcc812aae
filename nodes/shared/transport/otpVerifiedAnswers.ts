/**
 * Pure parsers for OTPVerified's JSON envelope `{statusCode, data, message, success}`:
 * no HTTP here, so each rule of docs/PROVIDERS.md is unit-tested on plain strings.
 */
import { asList, codeDigits, findCodeInText, parseJsonKeepingIds, quote, toE164, toId, toIsoUtc, toNumber } from '../normalize';
import type { HttpAnswer, Parsed, ProviderProblem } from './request';
import { failed, parsed, transportProblem, unexpectedAnswer } from './request';

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
	const message = Array.isArray(envelope.message) ? envelope.message.join('; ') : envelope.message;
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

/** The `data` of a successful envelope, or the problem the answer holds. */
export function unwrap(answer: HttpAnswer): Parsed<unknown> {
	const problem = transportProblem(PROVIDER, answer);
	if (problem) return failed(problem);
	let envelope: Envelope;
	try {
		envelope = parseJsonKeepingIds(answer.body) as Envelope;
	} catch {
		return failed(unexpectedAnswer(PROVIDER, answer));
	}
	if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope)) {
		return failed(unexpectedAnswer(PROVIDER, answer));
	}
	const envelopeStatus = toNumber(envelope.statusCode);
	const status =
		answer.statusCode >= 400 ? answer.statusCode : envelopeStatus !== null && envelopeStatus >= 400 ? envelopeStatus : answer.statusCode;
	if (envelope.success === false || status >= 400) return failed(envelopeProblem(status, envelope));
	if (envelope.success !== true) return failed(unexpectedAnswer(PROVIDER, answer));
	return parsed(envelope.data);
}

function interpret<T>(answer: HttpAnswer, parse: (data: unknown) => T | undefined): Parsed<T> {
	const data = unwrap(answer);
	if (!data.ok) return data;
	const value = parse(data.value);
	return value === undefined ? failed(unexpectedAnswer(PROVIDER, answer)) : parsed(value);
}

const PRICE_FIELD = /price|cost|surcharge|fee/i;

/** `"3.46"` → 3.46, also inside a price table such as `{oneDay: "3.46", …}`; anything else as it was. */
function pricesAsNumbers(value: unknown): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, pricesAsNumbers(entry)]));
	}
	return toNumber(value) ?? value;
}

export type RentalService = { serviceId: string; serviceName: string } & Record<string, unknown>;

/** Services with every field the provider sends; numeric price fields (`"3.46"`) become numbers. */
export function parseRentalServices(answer: HttpAnswer): Parsed<RentalService[]> {
	return interpret(answer, (data) =>
		asList(data)?.map((entry) => {
			const raw = (entry ?? {}) as Record<string, unknown>;
			const service: RentalService = {
				...raw,
				serviceId: toId(raw.serviceId),
				serviceName: String(raw.serviceName ?? ''),
			};
			for (const [key, value] of Object.entries(raw)) {
				if (PRICE_FIELD.test(key)) service[key] = pricesAsNumbers(value);
			}
			return service;
		}),
	);
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
}

/** The answer to `request-rental`; times are UTC without a zone, the price a string. */
export function parseRental(answer: HttpAnswer): Parsed<Rental> {
	return interpret(answer, (data) => {
		if (!data || typeof data !== 'object') return undefined;
		const raw = data as Record<string, unknown>;
		const orderId = toId(raw.orderId);
		if (orderId === '') return undefined;
		const original = (value: unknown) => (value === undefined || value === null ? null : String(value));
		return {
			orderId,
			phoneNumber: toE164(raw.number),
			serviceName: String(raw.serviceName ?? ''),
			areaCode: original(raw.areas),
			durationDays: toNumber(raw.duration),
			purchasedAt: toIsoUtc(raw.purchased),
			purchasedAtOriginal: original(raw.purchased),
			expiresAt: toIsoUtc(raw.expires),
			expiresAtOriginal: original(raw.expires),
			price: toNumber(raw.price),
			status: toId(raw.status),
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
	if (!data || typeof data !== 'object') return undefined;
	const { messages } = data as Record<string, unknown>;
	if (messages === undefined) return Object.keys(data).length === 0 ? [] : undefined;
	return asList(messages);
}

/** `{messages: [...]}` (also a bare list, or an empty `{}`), each with its time in a US zone. */
export function parseRentalMessages(answer: HttpAnswer): Parsed<RentalMessage[]> {
	return interpret(answer, (data) => {
		return messageList(data)?.map((entry) => {
			const raw = (entry ?? {}) as Record<string, unknown>;
			const pin = raw.pin === undefined || raw.pin === null || raw.pin === '' ? null : String(raw.pin);
			const text = String(raw.message ?? raw.text ?? '');
			return {
				messageId: toId(raw.id),
				orderId: toId(raw.orderId),
				receivedAt: toIsoUtc(raw.timestamp),
				receivedAtOriginal: raw.timestamp === undefined ? null : String(raw.timestamp),
				service: String(raw.service ?? ''),
				sender: String(raw.sender ?? ''),
				phoneNumber: toE164(raw.number),
				text,
				pin,
				code: codeDigits(pin) ?? findCodeInText(text),
				raw,
			};
		});
	});
}

/** The answer to `release-rental`: no data, only a message. */
export function parseRelease(answer: HttpAnswer): Parsed<{ message: string }> {
	const data = unwrap(answer);
	if (!data.ok) return data;
	try {
		const { message } = JSON.parse(answer.body) as Envelope;
		return parsed({ message: typeof message === 'string' ? message : '' });
	} catch {
		return failed(unexpectedAnswer(PROVIDER, answer));
	}
}
