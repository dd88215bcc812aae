/**
 * Pure parsers for RentVerify's answers (365sms / sms-activate words): no HTTP here, so each rule of
 * docs/PROVIDERS.md is unit-tested on plain strings. The transport (`rentVerify.ts`) calls them.
 */
import { asList, codeDigits, parseJsonKeepingIds, quote, toE164, toId, toIsoUtc, toNumber } from '../normalize';
import type { HttpAnswer, Parsed, ProviderProblem } from './request';
import { failed, parsed, transportProblem, unexpectedAnswer } from './request';

export const PROVIDER = 'RentVerify';

/** The answer text without the quotes or whitespace some servers wrap around it. */
export function cleanText(body: string): string {
	let text = body.trim();
	if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).trim();
	return text;
}

/** `WORD:rest` split on the first `:` only: codes and ban times contain `:` themselves. */
export function splitWord(text: string): { word: string; rest?: string } {
	const colon = text.indexOf(':');
	return colon === -1 ? { word: text } : { word: text.slice(0, colon), rest: text.slice(colon + 1) };
}

type Explanation = { message: string; description: string; transient?: boolean };

// Each error word of docs/PROVIDERS.md and the sms-activate family. Matched as whole words only:
// NO_ACTIVATION is not NO_ACTIVATIONS, NO_NUMBERS is not NO_NUMBER.
const ERROR_WORDS: Record<string, (detail?: string) => Explanation> = {
	BAD_KEY: () => ({
		message: 'RentVerify rejected the API token (BAD_KEY)',
		description:
			'Check the token in the RentVerify credential: copy it again from your account page (a 64-character hex string).',
	}),
	NO_ACTIVATION: () => ({
		message: 'RentVerify refused the request: the account may not use the API, or the activation does not exist (NO_ACTIVATION)',
		description:
			'Only accounts with the "user" or "admin" role can use the API; check your account on RentVerify. If you passed an activation ID, check that it belongs to this account.',
	}),
	BAD_ACTION: () => ({
		message: 'RentVerify rejected the request parameters (BAD_ACTION)',
		description:
			'A parameter is missing or invalid: pick the service and country from the lists (or check them with Get Countries and Get Services), and check the activation ID.',
	}),
	BAD_SERVICE: () => ({
		message: 'RentVerify does not know this service (BAD_SERVICE)',
		description: 'Pick the service from the list, or check its code with Get Services.',
	}),
	BAD_STATUS: () => ({
		message: 'RentVerify refused this status change (BAD_STATUS)',
		description: 'The activation may already be finished, cancelled or have received its SMS.',
	}),
	WRONG_ACTIVATION_ID: () => ({
		message: 'RentVerify does not know this activation ID (WRONG_ACTIVATION_ID)',
		description: 'Check the activation ID: use the `id` that Buy Number returned.',
	}),
	NO_NUMBERS: () => ({
		message: 'RentVerify has no numbers for this service and country right now (NO_NUMBERS)',
		description:
			'Nothing was bought. Try another country, try again later, or turn on "Retry When No Numbers".',
	}),
	NO_BALANCE: () => ({
		message: 'Your RentVerify balance is too low for this number (NO_BALANCE)',
		description: 'Nothing was bought. Top up your RentVerify account, then try again.',
	}),
	ERROR_SQL: () => ({
		message: 'RentVerify had an internal database error (ERROR_SQL)',
		description: 'This is on the provider side and usually passes; try again in a moment.',
		transient: true,
	}),
	BANNED: (until) => ({
		message: `Your RentVerify account is blocked${until ? ` until ${until}` : ''} (BANNED)`,
		description: 'The provider blocked the account, often for too many cancellations; wait or contact its support.',
	}),
	WRONG_MAX_PRICE: (minimum) => ({
		message: `No number at your maximum price${minimum ? `; the lowest price now is ${minimum}` : ''} (WRONG_MAX_PRICE)`,
		description: 'Nothing was bought. Raise the maximum price or try again later.',
	}),
	EARLY_CANCEL_DENIED: () => ({
		message: 'RentVerify does not allow cancelling this number yet (EARLY_CANCEL_DENIED)',
		description: 'Some providers refuse a cancel in the first minutes after buying; try again in a few minutes.',
	}),
	ACCOUNT_INACTIVE: () => ({
		message: 'Your RentVerify account is inactive (ACCOUNT_INACTIVE)',
		description: 'Check your account on RentVerify.',
	}),
};

/** `Unauthenticated.` and other English answers that some compatible servers send instead of a word. */
const SENTENCE_WORDS: Array<[RegExp, string]> = [
	[/^unauthen?ticated\.?$|^unauthorized\.?$|invalid (api )?(key|token)/i, 'BAD_KEY'],
	[/insufficient (balance|funds)/i, 'NO_BALANCE'],
	[/no (free )?numbers? (are )?available/i, 'NO_NUMBERS'],
];

function problemFor(word: string, detail?: string): ProviderProblem | undefined {
	// An own-property check: a body such as `valueOf` or `__proto__` is an unknown word, not a table entry.
	if (!Object.hasOwn(ERROR_WORDS, word)) return undefined;
	const explain = ERROR_WORDS[word];
	const { message, description, transient = false } = explain(detail);
	return { word, message, description, transient };
}

/** An error word in a JSON body: `{"status":"error","error":"NO_NUMBERS"}`, `{"error":…,"message":…}`, `{"message":"Unauthenticated."}`. */
function jsonErrorWord(text: string): { word?: string; message?: string } | undefined {
	if (!text.startsWith('{')) return undefined;
	const value = jsonBody(text);
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const { error, message, status } = value as Record<string, unknown>;
	const word = typeof error === 'string' ? error : undefined;
	const said = typeof message === 'string' ? message : undefined;
	if (word || (said && (status === 'error' || Object.keys(value).length <= 2))) {
		return { word, message: said };
	}
	return undefined;
}

/**
 * The problem in an answer, if it holds one: a known error word (bare, with a detail, in JSON or
 * as an English sentence), an HTML page, an empty body, a rate limit. Undefined for anything else.
 */
export function answerProblem(answer: HttpAnswer): ProviderProblem | undefined {
	const transport = transportProblem(PROVIDER, answer);
	if (transport) return transport;
	const text = cleanText(answer.body);
	const { word, rest } = splitWord(text);
	const bare = problemFor(word, rest);
	if (bare) return bare;
	const json = jsonErrorWord(text);
	if (json) {
		const fromWord = json.word ? problemFor(splitWord(json.word).word, splitWord(json.word).rest) : undefined;
		if (fromWord) return fromWord;
		const said = json.message ?? json.word ?? '';
		const fromSentence = SENTENCE_WORDS.find(([pattern]) => pattern.test(said));
		if (fromSentence) return problemFor(fromSentence[1]);
		return {
			word: json.word ?? 'ERROR',
			message: `RentVerify answered with an error: "${quote(said)}" (HTTP ${answer.statusCode})`,
			description: 'Check the request parameters and the credential; the provider said why above.',
			transient: answer.statusCode >= 500,
		};
	}
	const sentence = SENTENCE_WORDS.find(([pattern]) => pattern.test(text));
	if (sentence) return problemFor(sentence[1]);
	return undefined;
}

/** Runs a parser for a successful answer after ruling out every problem answer. */
function interpret<T>(answer: HttpAnswer, parse: (text: string) => T | undefined): Parsed<T> {
	const problem = answerProblem(answer);
	if (problem) return failed(problem);
	const value = parse(cleanText(answer.body));
	return value === undefined ? failed(unexpectedAnswer(PROVIDER, answer)) : parsed(value);
}

/** `ACCESS_BALANCE:25.50` → 25.5 */
export function parseBalance(answer: HttpAnswer): Parsed<number> {
	return interpret(answer, (text) => {
		const { word, rest } = splitWord(text);
		const balance = word === 'ACCESS_BALANCE' ? toNumber(rest) : null;
		return balance === null ? undefined : balance;
	});
}

export interface PurchasedNumber {
	activationId: string;
	phoneNumber: string;
	/** The provider's answer, verbatim. */
	answer: string;
}

/** `ACCESS_NUMBER:{id}:{phone}`: exactly three parts, the id kept as a string. */
export function parseNumber(answer: HttpAnswer): Parsed<PurchasedNumber> {
	return interpret(answer, (text) => {
		const parts = text.split(':');
		if (parts.length !== 3 || parts[0] !== 'ACCESS_NUMBER') return undefined;
		const activationId = toId(parts[1]);
		const phoneNumber = toE164(parts[2]);
		if (!/^\d+$/.test(activationId) || !phoneNumber) return undefined;
		return { activationId, phoneNumber, answer: text };
	});
}

export type ActivationState =
	| 'waiting' // no SMS yet
	| 'received' // a code is here
	| 'waitingRetry' // the code was used and another one was asked for: `code` is the old one
	| 'waitingResend' // the provider is having the SMS sent again
	| 'cancelled'; // cancelled or expired

export interface ActivationStatus {
	status: ActivationState;
	/** The code in the answer, as the provider sent it. For `waitingRetry` it is the old code, not a new one. */
	code: string | null;
	/** The digits of `code`. */
	codeDigits: string | null;
	/** The provider's word, verbatim. */
	word: string;
}

/** `STATUS_WAIT_CODE` · `STATUS_OK:{code}` · `STATUS_WAIT_RETRY:{old code}` · `STATUS_WAIT_RESEND` · `STATUS_CANCEL` */
export function parseStatus(answer: HttpAnswer): Parsed<ActivationStatus> {
	return interpret(answer, (text): ActivationStatus | undefined => {
		const { word, rest } = splitWord(text);
		const withCode = (status: ActivationState): ActivationStatus | undefined =>
			rest === undefined || rest.trim() === ''
				? undefined
				: { status, code: rest.trim(), codeDigits: codeDigits(rest), word: text };
		const plain = (status: ActivationState): ActivationStatus | undefined =>
			rest === undefined ? { status, code: null, codeDigits: null, word: text } : undefined;
		switch (word) {
			case 'STATUS_WAIT_CODE':
				return plain('waiting');
			case 'STATUS_WAIT_RESEND':
				return plain('waitingResend');
			case 'STATUS_CANCEL':
				return plain('cancelled');
			case 'STATUS_OK':
				return withCode('received');
			case 'STATUS_WAIT_RETRY':
				return withCode('waitingRetry');
			default:
				return undefined;
		}
	});
}

/** `ACCESS_CANCEL` and nothing else: any other answer to a cancel reaches the user verbatim. */
export function parseCancel(answer: HttpAnswer): Parsed<true> {
	const problem = answerProblem(answer);
	if (problem) return failed(problem);
	if (cleanText(answer.body) === 'ACCESS_CANCEL') return parsed(true);
	if (answer.statusCode >= 500) {
		return failed({
			word: `HTTP_${answer.statusCode}`,
			message: `RentVerify failed while cancelling the activation (HTTP ${answer.statusCode}): "${quote(cleanText(answer.body))}"`,
			description:
				'The cancel may not have happened. Check the activation with Get Status, and cancel again if it is still waiting.',
			transient: false,
		});
	}
	return failed({
		word: 'CANCEL_REFUSED',
		message: `RentVerify did not cancel the activation (HTTP ${answer.statusCode}): "${quote(cleanText(answer.body), 200)}"`,
		description:
			'A number that already received an SMS cannot be cancelled, and nothing was refunded. The provider\'s answer is quoted above.',
		transient: false,
	});
}

/** Parses a JSON body; `asList` then accepts lists that arrive as objects keyed "0", "1", … or `{}`. */
function jsonBody(text: string): unknown {
	try {
		return parseJsonKeepingIds(text);
	} catch {
		return undefined;
	}
}

function interpretJson<T>(answer: HttpAnswer, parse: (value: unknown) => T | undefined): Parsed<T> {
	return interpret(answer, (text) => {
		const value = jsonBody(text);
		return value === undefined ? undefined : parse(value);
	});
}

export interface Country {
	id: string;
	name: string;
}

export function parseCountries(answer: HttpAnswer): Parsed<Country[]> {
	return interpretJson(answer, (value) =>
		asList(value)?.map((entry) => {
			const { id, name } = (entry ?? {}) as Record<string, unknown>;
			return { id: toId(id), name: name === undefined ? toId(id) : String(name) };
		}),
	);
}

export interface Service {
	code: string;
	name: string;
}

export function parseServices(answer: HttpAnswer): Parsed<Service[]> {
	return interpretJson(answer, (value) =>
		asList(value)?.map((entry) => {
			const { code, name } = (entry ?? {}) as Record<string, unknown>;
			return { code: toId(code), name: name === undefined ? toId(code) : String(name) };
		}),
	);
}

export interface Price {
	country: string;
	service: string;
	price: number | null;
	available: number | null;
	priceId: string | null;
}

/** `{country: {service: {price, available, price_id}}}` flattened to one entry per country × service. */
export function parsePrices(answer: HttpAnswer): Parsed<Price[]> {
	return interpretJson(answer, (value) => {
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			return Array.isArray(value) && value.length === 0 ? [] : undefined;
		}
		const prices: Price[] = [];
		for (const [country, services] of Object.entries(value as Record<string, unknown>)) {
			if (!services || typeof services !== 'object') continue;
			for (const [service, offer] of Object.entries(services as Record<string, unknown>)) {
				const { price, available, price_id: priceId } = (offer ?? {}) as Record<string, unknown>;
				prices.push({
					country,
					service,
					price: toNumber(price),
					available: toNumber(available),
					priceId: priceId === undefined || priceId === null ? null : String(priceId),
				});
			}
		}
		return prices;
	});
}

export interface ActiveActivation {
	activationId: string;
	phoneNumber: string | null;
	service: string;
	country: string;
	status: string;
	cost: number | null;
	createdAt: string | null;
	expiresAt: string | null;
	raw: Record<string, unknown>;
}

/** Whether the answer is `NO_ACTIVATIONS`, bare or as `{"status":"error","error":"NO_ACTIVATIONS"}`. */
function isNoActivations(answer: HttpAnswer): boolean {
	const text = cleanText(answer.body);
	return text === 'NO_ACTIVATIONS' || jsonErrorWord(text)?.word === 'NO_ACTIVATIONS';
}

/** The active list; `NO_ACTIVATIONS` (plural, a different word from `NO_ACTIVATION`) means an empty one. */
export function parseActiveActivations(answer: HttpAnswer): Parsed<ActiveActivation[]> {
	if (isNoActivations(answer)) return parsed([]);
	return interpretJson(answer, (value) => {
		const list = asList(
			value && typeof value === 'object' && !Array.isArray(value) && 'activeActivations' in value
				? (value as Record<string, unknown>).activeActivations
				: value,
		);
		return list?.map((entry) => {
			const raw = (entry ?? {}) as Record<string, unknown>;
			return {
				activationId: toId(raw.id ?? raw.activationId),
				phoneNumber: toE164(raw.number ?? raw.phoneNumber ?? raw.phone),
				service: toId(raw.service ?? raw.serviceCode),
				country: toId(raw.country ?? raw.countryCode),
				status: toId(raw.status),
				cost: toNumber(raw.cost ?? raw.activationCost),
				createdAt: toIsoUtc(raw.created_at ?? raw.createdAt),
				expiresAt: toIsoUtc(raw.expires_at ?? raw.expiresAt),
				raw,
			};
		});
	});
}
