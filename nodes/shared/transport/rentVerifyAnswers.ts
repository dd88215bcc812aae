/**
 * Pure parsers for the answers of the sms-activate protocol family (RentVerify, HeroSMS, 365sms,
 * GrizzlySMS, SMSHub, SMSBower, …): no HTTP here, so each rule of docs/PROVIDERS.md is unit-tested on
 * plain strings. The transport calls them.
 *
 * The rules every parser follows:
 * - Only what is known is accepted: each documented success shape of each read. Anything else (an
 *   unknown word, a JSON error envelope, a JSON body with an HTTP error status, a list entry without its
 *   ID, an entry that is not an object) is the mapped problem of a known error word, or the
 *   unexpected-answer problem quoting what came. Nothing is ever read as a blank entry.
 * - Numbers are decimal and finite; ids and phones are strings; a masked phone (`79********1`) is kept
 *   as given beside a null phone, never completed with invented digits.
 * - No input, however large or deeply nested, makes a parser throw: it returns a problem.
 * - Plain-text success words are decided by the body whatever the HTTP status (servers of the family send
 *   words with any status, and `ACCESS_NUMBER` with a 5xx is still a number bought). JSON reads other than
 *   a purchase need a 2xx status as well: a JSON body on 4xx/5xx is an error, never a catalog.
 *
 * Every parser takes the server's name last (default `RentVerify`) for its messages.
 */
import {
	asId,
	asList,
	asText,
	codeDigits,
	exceedsJsonDepth,
	isPlainObject,
	maskedPhone,
	parseJsonKeepingIds,
	quote,
	toCount,
	toE164,
	toIsoUtc,
	toNumber,
	unquote,
} from '../normalize';
import type { HttpAnswer, Parsed, ProviderProblem } from './answer';
import { failed, parsed, transportProblem, unexpectedAnswer } from './answer';

export const PROVIDER = 'RentVerify';

/** The answer text without the whitespace and the one pair of quotes (`"…"` or `'…'`) some servers wrap around it. */
export function cleanText(body: string): string {
	return unquote(body);
}

/** `WORD:rest` split on the first `:` only: codes and ban times contain `:` themselves. */
export function splitWord(text: string): { word: string; rest?: string } {
	const colon = text.indexOf(':');
	return colon === -1 ? { word: text } : { word: text.slice(0, colon), rest: text.slice(colon + 1) };
}

/** A protocol word: upper-case letters, digits and `_`, as the family writes them (`NO_NUMBERS`). */
const WORD = /^[A-Z][A-Z0-9_]*$/;

/** Whether a text is shaped like a protocol word (`STATUS_OK:…`, `NO_NUMBERS`), not an English sentence. */
const looksLikeWord = (text: string) => WORD.test(splitWord(text).word);

type Explanation = { message: string; description: string; transient?: boolean };

/** The lowest price in `WRONG_MAX_PRICE:<min>`, as a decimal; the detail quoted when it is not one. */
function minimumPrice(detail: string | undefined): string {
	if (detail === undefined || detail === '') return '';
	const minimum = toNumber(detail);
	return minimum !== null ? `; the lowest price now is ${minimum}` : `; the provider said "${quote(detail, 60)}"`;
}

// Each error word of docs/PROVIDERS.md and the sms-activate family. Matched as whole words only:
// NO_ACTIVATION is not NO_ACTIVATIONS, NO_NUMBERS is not NO_NUMBER.
const ERROR_WORDS: Record<string, (name: string, detail?: string) => Explanation> = {
	BAD_KEY: (name) => ({
		message: `${name} rejected the API token (BAD_KEY)`,
		description: `Check the token in the ${name} credential: copy it again from your account page.`,
	}),
	NO_ACTIVATION: (name) => ({
		message: `${name} refused the request: the account may not use the API, or the activation does not exist (NO_ACTIVATION)`,
		description:
			'Only accounts with the "user" or "admin" role can use the API; check your account. If you passed an activation ID, check that it belongs to this account.',
	}),
	BAD_ACTION: (name) => ({
		message: `${name} rejected the request parameters (BAD_ACTION)`,
		description:
			'A parameter is missing or invalid: pick the service and country from the lists (or check them with Get Countries and Get Services), and check the activation ID.',
	}),
	BAD_SERVICE: (name) => ({
		message: `${name} does not know this service (BAD_SERVICE)`,
		description: 'Pick the service from the list, or check its code with Get Services.',
	}),
	BAD_STATUS: (name) => ({
		message: `${name} refused this status change (BAD_STATUS)`,
		description: 'The activation may already be finished, cancelled or have received its SMS.',
	}),
	WRONG_ACTIVATION_ID: (name) => ({
		message: `${name} does not know this activation ID (WRONG_ACTIVATION_ID)`,
		description: 'Check the activation ID: use the `id` that Buy Number returned.',
	}),
	NO_NUMBERS: (name) => ({
		message: `${name} has no numbers for this service and country right now (NO_NUMBERS)`,
		description:
			'Nothing was bought. Try another country, try again later, or turn on "Retry When No Numbers".',
	}),
	NO_BALANCE: (name) => ({
		message: `Your ${name} balance is too low for this number (NO_BALANCE)`,
		description: `Nothing was bought. Top up your ${name} account, then try again.`,
	}),
	ERROR_SQL: (name) => ({
		message: `${name} had an internal database error (ERROR_SQL)`,
		description: 'This is on the provider side and usually passes; try again in a moment.',
		transient: true,
	}),
	BANNED: (name, until) => ({
		message: `Your ${name} account is blocked${until ? ` until ${quote(until, 60)}` : ''} (BANNED)`,
		description: 'The provider blocked the account, often for too many cancellations; wait or contact its support.',
	}),
	WRONG_MAX_PRICE: (name, minimum) => ({
		message: `${name} has no number at your maximum price${minimumPrice(minimum)} (WRONG_MAX_PRICE)`,
		description: 'Nothing was bought. Raise the maximum price or try again later.',
	}),
	EARLY_CANCEL_DENIED: (name, seconds) => ({
		message: `${name} does not allow cancelling this number yet${toNumber(seconds) !== null ? `: only ${toNumber(seconds)} seconds after buying` : ''} (EARLY_CANCEL_DENIED)`,
		description:
			'Servers of this kind refuse a cancel in the first minutes after buying (often two); try again in a few minutes. Nothing was refunded yet.',
	}),
	ACCOUNT_INACTIVE: (name) => ({
		message: `Your ${name} account is inactive (ACCOUNT_INACTIVE)`,
		description: 'Check your account on the provider\'s site.',
	}),
	ORDER_ALREADY_EXISTS: (name) => ({
		message: `${name} already has an active order for this number or service on your account (ORDER_ALREADY_EXISTS)`,
		description:
			'Nothing new was bought. Use the activation you already have (Get Many lists them), or finish or cancel it before buying again.',
	}),
	CHANNELS_LIMIT: (name, maximum) => ({
		message: `Your ${name} account holds as many numbers at once as it may${maximum ? ` (${quote(maximum, 20)})` : ''} (CHANNELS_LIMIT)`,
		description: 'Nothing was bought. Finish or cancel some active activations, then buy again.',
	}),
	// The words below are those servers of the family document beside the classic ones
	// (docs/research/sms-activate-family.md): other spellings of the same failures, and HeroSMS's JSON titles.
	WRONG_SERVICE: (name) => ({
		message: `${name} does not know this service (WRONG_SERVICE)`,
		description: 'Pick the service from the list, or check its code with Get Services.',
	}),
	NO_KEY: (name) => ({
		message: `${name} received no API key (NO_KEY)`,
		description: `Enter the API key in the ${name} credential.`,
	}),
	WRONG_EXCEPTION_PHONE: (name) => ({
		message: `${name} rejected the phone prefixes to exclude (WRONG_EXCEPTION_PHONE)`,
		description: 'Nothing was bought. Check the excluded prefixes: digits only, separated by commas.',
	}),
	OPERATORS_NOT_FOUND: (name) => ({
		message: `${name} has no operators for this country (OPERATORS_NOT_FOUND)`,
		description: 'Leave the operator empty, or pick another country.',
	}),
	SERVICE_UNAVAILABLE_REGION: (name) => ({
		message: `${name} does not sell this service in this region (SERVICE_UNAVAILABLE_REGION)`,
		description: 'Nothing was bought. Pick another country.',
	}),
	SERVICE_NOT_AVAILABLE: (name) => ({
		message: `${name} does not offer this service right now (SERVICE_NOT_AVAILABLE)`,
		description: 'Nothing was bought. Pick another service or country, or try again later.',
	}),
	NOT_FOUND: (name) => ({
		message: `${name} found no such activation (NOT_FOUND)`,
		description: 'Check the activation ID: use the `id` that Buy Number returned, on the same account.',
	}),
	UNPROCESSABLE_ENTITY: (name, detail) => ({
		message: `${name} rejected a parameter${detail ? ` (${quote(detail, 60)})` : ''} (UNPROCESSABLE_ENTITY)`,
		description: 'Check the service, the country and the other parameters of the request.',
	}),
	SERVER_ERROR: (name) => ({
		message: `${name} had an internal error (SERVER_ERROR)`,
		description: 'This is on the provider side and usually passes; try again in a moment.',
		transient: true,
	}),
	OTP_RECEIVED: (name) => ({
		message: `${name} did not cancel: the activation already received a code (OTP_RECEIVED)`,
		description: 'A number that received its SMS cannot be cancelled, and nothing was refunded. Finish the activation instead.',
	}),
	NEW_OTP_RECEIVED: (name) => ({
		message: `${name} did not change the status: a new code arrived in the meantime (NEW_OTP_RECEIVED)`,
		description: 'Read the new code with Get Status, then finish the activation or ask for another SMS.',
	}),
	FREE_CANCELLATION_EXPIRED: (name) => ({
		message: `${name} no longer allows cancelling this activation for free (FREE_CANCELLATION_EXPIRED)`,
		description: 'The time in which a cancel is refunded has passed; nothing was refunded.',
	}),
	ACTIVATION_NOT_ACTIVE: (name) => ({
		message: `${name} did not change the status: the activation is no longer active (ACTIVATION_NOT_ACTIVE)`,
		description: 'It was already finished, cancelled or expired; check it with Get Status.',
	}),
};

/** `Unauthenticated.` and other English answers that some compatible servers send instead of a word. */
const SENTENCE_WORDS: Array<[RegExp, string]> = [
	[/^unauthen?ticated\.?$|^unauthorized\.?$|^no access\.?$|invalid (api )?(key|token)/i, 'BAD_KEY'],
	[/insufficient (balance|funds)/i, 'NO_BALANCE'],
	[/no (free )?numbers? (are )?available/i, 'NO_NUMBERS'],
];

function problemFor(word: string, detail: string | undefined, name: string): ProviderProblem | undefined {
	// An own-property check: a body such as `valueOf` or `__proto__` is an unknown word, not a table entry.
	if (!Object.hasOwn(ERROR_WORDS, word)) return undefined;
	const cleanDetail = detail === undefined ? undefined : unquote(detail);
	const { message, description, transient = false } = ERROR_WORDS[word](name, cleanDetail || undefined);
	return { word, message, description, transient };
}

function sentenceProblem(text: string, name: string): ProviderProblem | undefined {
	if (text.length > 2_000) return undefined;
	const sentence = SENTENCE_WORDS.find(([pattern]) => pattern.test(text));
	return sentence ? problemFor(sentence[1], undefined, name) : undefined;
}

/** A JSON body, or undefined when the text is not JSON (only `{…}` and `[…]` are tried, no deeper than `MAX_JSON_DEPTH`). */
function jsonOf(text: string): unknown {
	const first = text[0];
	if ((first !== '{' && first !== '[') || exceedsJsonDepth(text)) return undefined;
	try {
		return parseJsonKeepingIds(text);
	} catch {
		return undefined;
	}
}

interface JsonError {
	/** The word it names (`NO_NUMBERS`), without its detail. */
	word?: string;
	/** The word's detail: `BANNED:<until>`'s time, `WRONG_MAX_PRICE`'s minimum (also from `info`). */
	detail?: string;
	/** What it says in words (`details`, `message`). */
	said?: string;
}

const nonEmptyText = (value: unknown): string | undefined => {
	if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
		return value.join('; ');
	}
	const text = asText(value)?.trim();
	return text ? text : undefined;
};

/** Where a word's detail sits in HeroSMS's `info` (`{"title":"WRONG_MAX_PRICE","info":{"min":0.35}}`). */
const INFO_DETAIL: Record<string, string[]> = {
	WRONG_MAX_PRICE: ['min', 'minPrice', 'min_price'],
	BANNED: ['readable_date', 'banned_until', 'bannedUntil', 'until'],
	EARLY_CANCEL_DENIED: ['minActivationTime'],
	CHANNELS_LIMIT: ['max_allowed'],
};

/** The detail a JSON error's `info` carries for its word: a scalar `info`, or the word's field in it. */
function infoDetail(word: string, info: unknown): string | undefined {
	if (!Object.hasOwn(INFO_DETAIL, word)) return undefined;
	const scalar = nonEmptyText(info);
	if (scalar !== undefined || !isPlainObject(info)) return scalar;
	for (const key of INFO_DETAIL[word]) {
		const value = nonEmptyText(info[key]);
		if (value !== undefined) return value;
	}
	return undefined;
}

/** The keys of a JSON body that says only why it failed (`{"message":"Unauthenticated."}`, `{"code":401,"message":…}`). */
const ERROR_KEYS = new Set(['message', 'status', 'code', 'statusCode', 'errors', 'details', 'success']);

/** `status` values that mean failure: sms-activate's `error`, HeroSMS's `"false"`, SMSBower's `0`. */
const FAILED_STATUS = new Set<unknown>(['error', 'false', false, 0, '0']);

/**
 * The error in a JSON body, in each form the family uses: `{"title":"BAD_KEY","details":"…","info":…}`
 * (HeroSMS), `{"status":"error","error":"NO_NUMBERS"}`, `{"status":"error","message":"NO_NUMBERS"}`,
 * `{"status":"error","msg":…}`, `{"status":"false","msg":…}`, `{"status":0,"message":…,"data":[]}`,
 * `{"error":…,"message":…}`, `{"success":false,…}` and `{"message":"Unauthenticated."}`.
 * Undefined for a body that is not an error.
 */
function jsonError(value: unknown): JsonError | undefined {
	if (!isPlainObject(value)) return undefined;
	const { title, error, status, success, message, details, msg, info } = value;
	const said = nonEmptyText(details) ?? nonEmptyText(message) ?? nonEmptyText(msg);
	const isError =
		typeof title === 'string' ||
		typeof error === 'string' ||
		FAILED_STATUS.has(status) ||
		success === false ||
		(said !== undefined &&
			typeof message === 'string' &&
			status !== 'success' &&
			success !== true &&
			Object.keys(value).every((key) => ERROR_KEYS.has(key)));
	if (!isError) return undefined;
	// The word is the title or the error; failing those, a message that is itself a word (`"message":"NO_NUMBERS"`).
	const candidates = [title, error, message, msg].map((field) => (typeof field === 'string' ? unquote(field) : ''));
	const named =
		candidates.slice(0, 2).find(Boolean) ?? candidates.slice(2).find((text) => text !== '' && looksLikeWord(text));
	if (named === undefined) return { said };
	const { word, rest } = splitWord(named);
	if (!WORD.test(word)) return { said: said === undefined || said === named ? named : `${named}: ${said}` };
	return { word, detail: rest ?? infoDetail(word, info), said: said === named ? undefined : said };
}

/** The problem of a JSON error: its word's, a sentence's, or a generic one quoting what the server said. */
function jsonErrorProblem(error: JsonError, answer: HttpAnswer, name: string): ProviderProblem {
	const fromWord = error.word ? problemFor(error.word, error.detail, name) : undefined;
	if (fromWord) return fromWord;
	const fromSentence = error.said ? sentenceProblem(error.said, name) : undefined;
	if (fromSentence) return fromSentence;
	const said = [error.word, error.said].filter(Boolean).join(': ');
	return {
		word: error.word ?? 'ERROR',
		message: `${name} answered with an error: "${quote(said || 'no reason given')}" (HTTP ${answer.statusCode})`,
		description: 'Check the request parameters and the credential; the provider said why above.',
		transient: answer.statusCode >= 500,
	};
}

/** The problem in an answer already cleaned (and parsed, when JSON). */
function problemIn(answer: HttpAnswer, name: string, text: string, json: unknown): ProviderProblem | undefined {
	const transport = transportProblem(name, answer);
	if (transport) return transport;
	const { word, rest } = splitWord(text);
	const bare = problemFor(word, rest, name);
	if (bare) return bare;
	const error = jsonError(json);
	if (error) return jsonErrorProblem(error, answer, name);
	// A sentence (`Unauthenticated.`, `UNAUTHORIZED`), but never inside a word's detail (`STATUS_OK:invalid key`).
	if (json === undefined && !(looksLikeWord(text) && text.includes(':'))) return sentenceProblem(text, name);
	return undefined;
}

/** An unexpected-answer problem that cannot fail itself, whatever the answer holds. */
function unexpected(name: string, answer: HttpAnswer): ProviderProblem {
	try {
		return unexpectedAnswer(name, answer);
	} catch {
		return {
			word: 'UNEXPECTED_ANSWER',
			message: `${name} gave an answer that could not be read`,
			description:
				'Nothing was assumed from it. If it repeats, check the base URL in the credential, or report the answer to the package maintainers.',
			transient: false,
		};
	}
}

/** Runs a parser so that nothing it meets can throw out of it: any failure is the unexpected-answer problem. */
function guarded<T>(answer: HttpAnswer, name: string, run: () => Parsed<T>): Parsed<T> {
	try {
		return run();
	} catch {
		return failed(unexpected(name, answer));
	}
}

/**
 * The problem in an answer, if it holds one: a known error word (bare, with a detail, in JSON or as an
 * English sentence), a JSON error envelope, an HTML page, an empty body, a rate limit. Undefined for
 * anything else; never throws.
 */
export function answerProblem(answer: HttpAnswer, provider: string = PROVIDER): ProviderProblem | undefined {
	try {
		const text = cleanText(answer.body);
		return problemIn(answer, provider, text, jsonOf(text));
	} catch {
		return unexpected(provider, answer);
	}
}

/** Runs a parser for a plain-text success answer after ruling out every problem answer. */
function interpret<T>(answer: HttpAnswer, name: string, parse: (text: string) => T | undefined): Parsed<T> {
	return guarded(answer, name, () => {
		const text = cleanText(answer.body);
		const problem = problemIn(answer, name, text, jsonOf(text));
		if (problem) return failed(problem);
		const value = parse(text);
		return value === undefined ? failed(unexpected(name, answer)) : parsed(value);
	});
}

const isSuccessStatus = (status: number) => status >= 200 && status <= 299;

/**
 * Runs a parser for a JSON success answer after ruling out every problem answer. A JSON body with a
 * status outside 2xx is never a success (`anyStatus` lifts that for a purchase, whose answer the body decides).
 */
function interpretJson<T>(
	answer: HttpAnswer,
	name: string,
	parse: (value: unknown) => T | undefined,
	options: { anyStatus?: boolean; before?: (text: string, json: unknown) => Parsed<T> | undefined } = {},
): Parsed<T> {
	return guarded(answer, name, () => {
		const text = cleanText(answer.body);
		const json = jsonOf(text);
		const transport = transportProblem(name, answer);
		if (transport) return failed(transport);
		const early = options.before?.(text, json);
		if (early) return early;
		const problem = problemIn(answer, name, text, json);
		if (problem) return failed(problem);
		if (json === undefined || (!options.anyStatus && !isSuccessStatus(answer.statusCode))) {
			return failed(unexpected(name, answer));
		}
		const value = parse(json);
		return value === undefined ? failed(unexpected(name, answer)) : parsed(value);
	});
}

/** Every entry of a list through `read`; undefined (the whole answer is unexpected) if any entry is not readable. */
function everyEntry<E, T>(entries: E[], read: (entry: E) => T | undefined): T[] | undefined {
	const values: T[] = [];
	for (const entry of entries) {
		const value = read(entry);
		if (value === undefined) return undefined;
		values.push(value);
	}
	return values;
}

/** `ACCESS_BALANCE:25.50` → 25.5 (also `ACCESS_BALANCE:'25.50'`); decimal only. */
export function parseBalance(answer: HttpAnswer, provider: string = PROVIDER): Parsed<number> {
	return interpret(answer, provider, (text) => {
		const { word, rest } = splitWord(text);
		const balance = word === 'ACCESS_BALANCE' && rest !== undefined ? toNumber(unquote(rest)) : null;
		return balance === null ? undefined : balance;
	});
}

export interface PurchasedNumber {
	activationId: string;
	phoneNumber: string;
	/** The provider's answer, verbatim. */
	answer: string;
	/** What getNumberV2's answer tells besides (getNumber's tells neither): the cost, and when the number expires. */
	cost?: number | null;
	expiresAt?: string | null;
}

/** A number bought whose phone came masked: bought, so never an error that invites buying again unawares. */
function maskedPhoneProblem(provider: string, activationId: string, masked: string): ProviderProblem {
	return {
		word: 'PHONE_MASKED',
		message: `${provider} sold activation ${activationId} but sent its phone masked ("${quote(masked, 40)}")`,
		description: `The number was bought. Find its phone in your ${provider} account, or cancel activation ${activationId} if you cannot use it.`,
		transient: false,
	};
}

/**
 * `ACCESS_NUMBER:{id}:{phone}`: exactly three parts, the id kept as a string, the phone a real phone.
 * A number bought is a number bought: this answer wins over any HTTP status, a 429 included.
 * A masked phone (`ACCESS_NUMBER:123456789:7*********0`, as HeroSMS's docs print it) is a number bought
 * whose phone is unknown: a problem of its own that names the activation, never a phone with invented digits.
 */
export function parseNumber(answer: HttpAnswer, provider: string = PROVIDER): Parsed<PurchasedNumber> {
	return guarded(answer, provider, () => {
		const text = cleanText(answer.body);
		const parts = text.split(':');
		const activationId = parts.length === 3 && parts[0] === 'ACCESS_NUMBER' ? parts[1].trim() : '';
		if (/^\d{1,40}$/.test(activationId)) {
			const phoneNumber = toE164(parts[2]);
			if (phoneNumber) return parsed({ activationId, phoneNumber, answer: text });
			if (maskedPhone(parts[2]) !== null) return failed(maskedPhoneProblem(provider, activationId, parts[2]));
		}
		return interpret<PurchasedNumber>(answer, provider, () => undefined);
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

/** The plain getStatus words; undefined for anything else. */
function statusWord(text: string): ActivationStatus | undefined {
	const { word, rest } = splitWord(text);
	// `STATUS_OK:'123456'` is how the family's docs write it: one pair of quotes and the spaces come off.
	const withCode = (status: ActivationState): ActivationStatus | undefined => {
		const code = rest === undefined ? '' : unquote(rest);
		return code === '' ? undefined : { status, code, codeDigits: codeDigits(code), word: text };
	};
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
}

/** `STATUS_WAIT_CODE` · `STATUS_OK:{code}` · `STATUS_WAIT_RETRY:{old code}` · `STATUS_WAIT_RESEND` · `STATUS_CANCEL` */
export function parseStatus(answer: HttpAnswer, provider: string = PROVIDER): Parsed<ActivationStatus> {
	return interpret(answer, provider, statusWord);
}

/** The answer to a cancel that is not `ACCESS_CANCEL` (and no known word): refused, quoted verbatim. */
function cancelRefused(answer: HttpAnswer, name: string): ProviderProblem {
	const text = cleanText(answer.body);
	if (answer.statusCode >= 500) {
		return {
			word: `HTTP_${answer.statusCode}`,
			message: `${name} failed while cancelling the activation (HTTP ${answer.statusCode}): "${quote(text)}"`,
			description:
				'The cancel may not have happened. Check the activation with Get Status, and cancel again if it is still waiting.',
			transient: false,
		};
	}
	return {
		word: 'CANCEL_REFUSED',
		message: `${name} did not cancel the activation (HTTP ${answer.statusCode}): "${quote(text, 200)}"`,
		description:
			'A number that already received an SMS cannot be cancelled, and nothing was refunded. The provider\'s answer is quoted above.',
		transient: false,
	};
}

/** `ACCESS_CANCEL` and nothing else: any other answer to a cancel reaches the user verbatim. */
export function parseCancel(answer: HttpAnswer, provider: string = PROVIDER): Parsed<true> {
	return guarded(answer, provider, () => {
		const text = cleanText(answer.body);
		const problem = problemIn(answer, provider, text, jsonOf(text));
		if (problem) return failed(problem);
		return text === 'ACCESS_CANCEL' ? parsed(true as const) : failed(cancelRefused(answer, provider));
	});
}

/** The statuses setStatus documents: 1 number ready, 3 another SMS, 6 finish, 8 cancel (-1 the older cancel, GrizzlySMS). */
export type SetStatusCode = -1 | 1 | 3 | 6 | 8;

export type SetStatusWord = 'ACCESS_READY' | 'ACCESS_RETRY_GET' | 'ACCESS_ACTIVATION' | 'ACCESS_CANCEL';

export interface SetStatusResult {
	status: SetStatusCode;
	/** The success word the server answered. */
	word: SetStatusWord;
	/** What it means: the number is ready, another SMS was asked for, the activation is finished or cancelled. */
	outcome: 'ready' | 'retryRequested' | 'finished' | 'cancelled';
}

const SET_STATUS: Record<SetStatusCode, { word: SetStatusWord; outcome: SetStatusResult['outcome']; badStatus: string }> = {
	1: {
		word: 'ACCESS_READY',
		outcome: 'ready',
		badStatus: 'A number can be reported ready only while it waits for its first SMS; check the activation with Get Status.',
	},
	3: {
		word: 'ACCESS_RETRY_GET',
		outcome: 'retryRequested',
		badStatus: 'Another SMS can be asked for only after a code arrived; check the activation with Get Status.',
	},
	6: {
		word: 'ACCESS_ACTIVATION',
		outcome: 'finished',
		badStatus: 'An activation can be finished only after its code arrived; check it with Get Status.',
	},
	8: {
		word: 'ACCESS_CANCEL',
		outcome: 'cancelled',
		badStatus:
			'The activation may already be finished or cancelled, or have received its SMS (then it cannot be cancelled); check it with Get Status.',
	},
	'-1': {
		word: 'ACCESS_CANCEL',
		outcome: 'cancelled',
		badStatus:
			'The activation may already be finished or cancelled, or have received its SMS (then it cannot be cancelled); check it with Get Status.',
	},
};

/**
 * The answer to `setStatus`: 1 (number ready) → `ACCESS_READY`, 3 (another SMS) → `ACCESS_RETRY_GET`,
 * 6 (finish) → `ACCESS_ACTIVATION`, 8 (cancel) → `ACCESS_CANCEL`. Only the word of the status sent is a
 * success; `EARLY_CANCEL_DENIED`, `WRONG_ACTIVATION_ID`, `BAD_STATUS`, `NO_ACTIVATION` and the other
 * words are their problems; for 8, any other answer is refused and quoted as `parseCancel` does.
 */
export function parseSetStatus(
	answer: HttpAnswer,
	status: SetStatusCode | number | string,
	provider: string = PROVIDER,
): Parsed<SetStatusResult> {
	return guarded(answer, provider, () => {
		const code = Number(status);
		if (!Object.hasOwn(SET_STATUS, String(code)) || String(status).trim() !== String(code)) {
			return failed({
				word: 'UNSUPPORTED_STATUS',
				message: `setStatus ${quote(String(status), 20)} is not a status the protocol documents (1, 3, 6, 8 or -1)`,
				description: 'Send 1 (number ready), 3 (ask for another SMS), 6 (finish) or 8 (cancel).',
				transient: false,
			});
		}
		const expected = SET_STATUS[code as SetStatusCode];
		const text = cleanText(answer.body);
		const problem = problemIn(answer, provider, text, jsonOf(text));
		if (problem) {
			return failed(problem.word === 'BAD_STATUS' ? { ...problem, description: expected.badStatus } : problem);
		}
		if (text === expected.word) return parsed({ status: code as SetStatusCode, word: expected.word, outcome: expected.outcome });
		return failed(expected.outcome === 'cancelled' ? cancelRefused(answer, provider) : unexpected(provider, answer));
	});
}

export interface PurchasedNumberV2 {
	activationId: string;
	/** The phone in E.164; null when the server masked it (then `phoneMasked` holds it as sent). */
	phoneNumber: string | null;
	phoneMasked?: string;
	cost: number | null;
	country: string | null;
	canGetAnotherSms: boolean | null;
	/** `activationTime` in ISO-8601 UTC, and as sent. */
	activatedAt: string | null;
	activatedAtOriginal: string | null;
	operator: string | null;
	/** HeroSMS's `activationEndTime` in ISO-8601 UTC, and as sent; null where the server sends none. */
	expiresAt: string | null;
	expiresAtOriginal: string | null;
	/** The currency code of `cost` (`840` is USD), where the server sends one. */
	currency: string | null;
	raw: Record<string, unknown>;
}

/** `true`, `false`, `1`, `0`, `"1"`, `"0"`, `"true"`, `"false"` as a boolean; null for anything else. */
function asFlag(value: unknown): boolean | null {
	if (value === true || value === 1 || value === '1' || value === 'true') return true;
	if (value === false || value === 0 || value === '0' || value === 'false') return false;
	return null;
}

/** A phone field: E.164, or masked as given, or neither. */
function phoneFields(value: unknown): { phoneNumber: string | null; phoneMasked?: string } {
	const phoneNumber = toE164(value);
	if (phoneNumber) return { phoneNumber };
	const masked = maskedPhone(value);
	return masked ? { phoneNumber: null, phoneMasked: masked } : { phoneNumber: null };
}

const optionalText = (value: unknown): string | null => {
	const text = asText(value);
	return text === null ? null : text;
};

/**
 * getNumberV2's JSON: `{activationId, phoneNumber, activationCost, countryCode, canGetAnotherSms,
 * activationTime, activationOperator}`. A purchase: the body decides whatever the HTTP status, so a number
 * bought is never hidden behind a status. The id (digits) and a phone (or a masked one) are required.
 */
export function parseNumberV2(answer: HttpAnswer, provider: string = PROVIDER): Parsed<PurchasedNumberV2> {
	return guarded(answer, provider, () => {
		// A number bought is a number bought: its answer wins over any HTTP status, a 429 included.
		const json = jsonOf(cleanText(answer.body));
		const bought = jsonError(json) ? undefined : numberV2Of(json);
		return bought ? parsed(bought) : interpretJson(answer, provider, numberV2Of, { anyStatus: true });
	});
}

/**
 * getNumberV2's answer as a purchase: what Buy Number needs, with the cost and expiry the answer tells,
 * so no read of the active list is needed for them. A masked phone is the same problem as in getNumber's.
 */
export function parsePurchaseV2(answer: HttpAnswer, provider: string = PROVIDER): Parsed<PurchasedNumber> {
	const result = parseNumberV2(answer, provider);
	if (!result.ok) return result;
	const bought = result.value;
	if (bought.phoneNumber === null) return failed(maskedPhoneProblem(provider, bought.activationId, bought.phoneMasked ?? ''));
	return parsed({
		activationId: bought.activationId,
		phoneNumber: bought.phoneNumber,
		answer: cleanText(answer.body),
		// Costs are reported in USD: one in another currency (ISO 4217 code other than 840) is left unknown.
		cost: bought.currency === null || bought.currency === '840' ? bought.cost : null,
		expiresAt: bought.expiresAt,
	});
}

function numberV2Of(value: unknown): PurchasedNumberV2 | undefined {
	if (!isPlainObject(value)) return undefined;
	const activationId = asId(value.activationId);
	if (activationId === null || !/^\d+$/.test(activationId)) return undefined;
	const phone = phoneFields(value.phoneNumber);
	if (phone.phoneNumber === null && phone.phoneMasked === undefined) return undefined;
	const time = optionalText(value.activationTime);
	const endTime = optionalText(value.activationEndTime);
	return {
		activationId,
		...phone,
		cost: toNumber(value.activationCost),
		country: asId(value.countryCode),
		canGetAnotherSms: asFlag(value.canGetAnotherSms),
		activatedAt: toIsoUtc(time),
		activatedAtOriginal: time,
		operator: optionalText(value.activationOperator),
		expiresAt: toIsoUtc(endTime),
		expiresAtOriginal: endTime,
		currency: asId(value.currency),
		raw: value,
	};
}

export interface StatusV2Sms {
	code: string | null;
	text: string | null;
	/** Who sent it, where the server says (`call.from`, HeroSMS's `data.phoneFrom`). */
	from: string | null;
	receivedAt: string | null;
	receivedAtOriginal: string | null;
}

export interface StatusV2Call extends StatusV2Sms {
	url: string | null;
	parsingCount: number | null;
}

export interface ActivationStatusV2 extends ActivationStatus {
	/** `verificationType` as sent: 0 SMS, 1 number, 2 voice call (sms-activate), or a word (`"sms"`, HeroSMS); null in a plain-word answer. */
	verificationType: number | string | null;
	sms: StatusV2Sms | null;
	call: StatusV2Call | null;
	raw: Record<string, unknown> | null;
}

/** An `sms`, `call` or `data` part of getStatusV2: an object, or null/absent/empty when nothing came. */
function statusV2Part(value: unknown): Record<string, unknown> | null | undefined {
	if (value === undefined || value === null || value === false || value === '') return null;
	if (Array.isArray(value) && value.length === 0) return null;
	return isPlainObject(value) ? value : undefined;
}

function statusV2Sms(part: Record<string, unknown>): StatusV2Sms {
	const code = asText(part.code)?.trim() || null;
	const time = optionalText(part.dateTime ?? part.date);
	return {
		code,
		text: optionalText(part.text),
		from: optionalText(part.from ?? part.phoneFrom),
		receivedAt: toIsoUtc(time),
		receivedAtOriginal: time,
	};
}

/** `verificationType`: a whole number (0, 1, 2) or a word (`sms`); undefined when it is something else. */
function verificationTypeOf(value: unknown): number | string | null | undefined {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string' && /^[a-z_]{1,20}$/i.test(value.trim())) return value.trim();
	return toCount(value) ?? undefined;
}

/**
 * getStatusV2, in each documented form: sms-activate's `{verificationType, sms: {dateTime, code, text},
 * call: {from, text, code, dateTime, url, parsingCount}}` (`sms` may be null), HeroSMS's
 * `{verificationType: "sms", data: {id, phoneFrom, code, text, service, date, type}}` (`code` null while
 * waiting), or the plain getStatus words (`STATUS_CANCEL`, …) servers send once it ended. A code in the SMS
 * (or else in the call) means received; none means waiting.
 */
export function parseStatusV2(answer: HttpAnswer, provider: string = PROVIDER): Parsed<ActivationStatusV2> {
	return interpretJson<ActivationStatusV2>(
		answer,
		provider,
		(value) => {
			if (!isPlainObject(value) || !['verificationType', 'sms', 'call', 'data'].some((key) => Object.hasOwn(value, key))) {
				return undefined;
			}
			const smsPart = statusV2Part(Object.hasOwn(value, 'data') ? value.data : value.sms);
			const callPart = statusV2Part(value.call);
			const verificationType = verificationTypeOf(value.verificationType);
			if (smsPart === undefined || callPart === undefined || verificationType === undefined) return undefined;
			if (Object.hasOwn(value, 'data') && Object.hasOwn(value, 'sms')) return undefined;
			const sms = smsPart && statusV2Sms(smsPart);
			const call = callPart && {
				...statusV2Sms(callPart),
				url: optionalText(callPart.url),
				parsingCount: toCount(callPart.parsingCount),
			};
			const code = sms?.code ?? call?.code ?? null;
			return {
				status: code === null ? 'waiting' : 'received',
				code,
				codeDigits: codeDigits(code),
				word: code === null ? 'STATUS_WAIT_CODE' : `STATUS_OK:${code}`,
				verificationType,
				sms,
				call,
				raw: value,
			};
		},
		{
			before: (text, json) => {
				if (json !== undefined) return undefined;
				const plain = statusWord(text);
				return plain ? parsed({ ...plain, verificationType: null, sms: null, call: null, raw: null }) : undefined;
			},
		},
	);
}

export interface NumbersAvailable {
	service: string;
	available: number;
	/** The `_1` variant of the key: numbers with call forwarding. */
	forwarding: boolean;
}

/** A service code as a key of getNumbersStatus: letters, digits, `_` and `-`. */
const SERVICE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/**
 * getNumbersStatus: `{"tg_0":"150","wa_1":"87"}` (`_0`/`_1`: without/with forwarding) or the later
 * `{"tg":150}` → `[{service: 'tg', available: 150, forwarding: false}, …]`. Counts are whole numbers.
 */
export function parseNumbersStatus(answer: HttpAnswer, provider: string = PROVIDER): Parsed<NumbersAvailable[]> {
	return interpretJson(answer, provider, (value) => {
		if (Array.isArray(value)) return value.length === 0 ? [] : undefined;
		if (!isPlainObject(value)) return undefined;
		return everyEntry(Object.entries(value), ([key, count]) => {
			const available = toCount(count);
			if (available === null || !SERVICE_KEY.test(key)) return undefined;
			const suffixed = /^(.+)_([01])$/.exec(key);
			return suffixed
				? { service: suffixed[1], available, forwarding: suffixed[2] === '1' }
				: { service: key, available, forwarding: false };
		});
	});
}

/**
 * The list in a JSON success wrapper `{"status":"success", <field>: […]}` (the `status` may be left out):
 * the first of `fields` that holds a list. Other fields beside it are allowed (HeroSMS sends
 * `activeActivations` as a row count object beside `data`); an error was ruled out before.
 */
function listIn(value: unknown, fields: string[]): unknown[] | undefined {
	if (!isPlainObject(value)) return undefined;
	const statusOk = value.status === undefined || value.status === 'success' || value.status === true || value.status === 1;
	if (!statusOk) return undefined;
	for (const field of fields) {
		const list = Object.hasOwn(value, field) ? asList(value[field]) : undefined;
		if (list) return list;
	}
	return undefined;
}

export interface Country {
	id: string;
	name: string;
	/** The family's `visible` flag (1/0), where the server sends it. */
	visible?: boolean;
}

/** The name of a country entry: `name`, else the family's `eng`, else its other names; else its id. */
function countryName(entry: Record<string, unknown>, id: string): string {
	for (const key of ['name', 'eng', 'title', 'rus', 'chn']) {
		const name = asText(entry[key])?.trim();
		if (name) return name;
	}
	return id;
}

function countryOf(entry: unknown, key?: string): Country | undefined {
	if (!isPlainObject(entry)) return undefined;
	const id = asId(entry.id) ?? (entry.id === undefined && key !== undefined ? asId(key) : null);
	if (id === null) return undefined;
	const country: Country = { id, name: countryName(entry, id) };
	const visible = asFlag(entry.visible);
	if (visible !== null) country.visible = visible;
	return country;
}

/**
 * getCountries: RentVerify's `[{id, name}]`, the same keyed "0", "1", …, the family's map
 * `{"<id>": {"id": 6, "rus": "…", "eng": "Indonesia", "chn": "…", "visible": 1}}` (sms-activate, HeroSMS;
 * SMSBower sends the ids as strings; the key is the id when an entry has none), or that map's entries in
 * an array (HeroSMS's docs). Every entry must be an object with an id.
 */
export function parseCountries(answer: HttpAnswer, provider: string = PROVIDER): Parsed<Country[]> {
	return interpretJson(answer, provider, (value) => {
		const list = asList(value);
		if (list) return everyEntry(list, (entry) => countryOf(entry));
		if (!isPlainObject(value)) return undefined;
		return everyEntry(Object.entries(value), ([key, entry]) => countryOf(entry, key));
	});
}

export interface Service {
	code: string;
	name: string;
}

function serviceOf(entry: unknown): Service | undefined {
	if (!isPlainObject(entry)) return undefined;
	const code = asId(entry.code);
	if (code === null) return undefined;
	const name = asText(entry.name)?.trim();
	return { code, name: name || code };
}

/** getServices: `[{code, name}]`, the same keyed "0", "1", …, or getServicesList's `{"status":"success","services":[…]}`. */
export function parseServices(answer: HttpAnswer, provider: string = PROVIDER): Parsed<Service[]> {
	return interpretJson(answer, provider, (value) => {
		const list = asList(value) ?? listIn(value, ['services']);
		return list && everyEntry(list, serviceOf);
	});
}

export interface Price {
	country: string;
	service: string;
	price: number | null;
	available: number | null;
	priceId: string | null;
	/** The family's `physicalCount`, where the server sends it. */
	physicalCount?: number | null;
}

type Offer = Omit<Price, 'country' | 'service'>;

/** A count field of an offer: absent or null → null; otherwise it must be a whole non-negative number. */
function offerCount(value: unknown): number | null | undefined {
	if (value === undefined || value === null) return null;
	return toCount(value) ?? undefined;
}

/**
 * One offer: `{price, available, price_id}` (RentVerify), `{cost, count, physicalCount}` (the family; cost
 * and count sometimes strings), or a bare price (`0.22`). The price must be a non-negative decimal.
 */
function offerOf(leaf: unknown): Offer | undefined {
	if (typeof leaf === 'number' || typeof leaf === 'string') {
		const price = toNumber(leaf);
		return price !== null && price >= 0 ? { price, available: null, priceId: null } : undefined;
	}
	if (!isPlainObject(leaf)) return undefined;
	const price = toNumber(leaf.price ?? leaf.cost);
	if (price === null || price < 0) return undefined;
	const available = offerCount(leaf.available ?? leaf.count);
	if (available === undefined) return undefined;
	const idValue = leaf.price_id ?? leaf.priceId;
	const priceId = idValue === undefined || idValue === null ? null : asId(idValue);
	if (priceId === null && idValue !== undefined && idValue !== null) return undefined;
	const offer: Offer = { price, available, priceId };
	if (Object.hasOwn(leaf, 'physicalCount')) {
		const physicalCount = offerCount(leaf.physicalCount);
		if (physicalCount === undefined) return undefined;
		offer.physicalCount = physicalCount;
	}
	return offer;
}

const NUMERIC_KEY = /^\d+$/;

/**
 * Which way a price map nests. Country ids are numeric strings (`186`) or words (`usa`, `england`);
 * service codes are short lower-case codes (`tg`, `wa`) or words (`facebook`). A numeric key can only be
 * a country, a word can be either. So:
 * - every outer key numeric → country → service;
 * - an outer key that is not numeric, and every inner key numeric → service → country (`{"tg":{"186":0.22}}`);
 * - anything else is ambiguous, and the family's documented shape, country → service, wins.
 */
function servicesOutside(map: Record<string, unknown>): boolean {
	const outer = Object.keys(map);
	if (outer.every((key) => NUMERIC_KEY.test(key))) return false;
	const inner = Object.values(map).flatMap((value) => (isPlainObject(value) ? Object.keys(value) : []));
	return inner.length > 0 && inner.every((key) => NUMERIC_KEY.test(key));
}

/**
 * getPrices: `{country: {service: offer}}` (RentVerify's `{price, available, price_id}`, the family's
 * `{cost, count, physicalCount}` or `{cost, count}`, cost and count sometimes strings), also wrapped in a
 * one-element array, or the nesting the other way round, `{service: {country: price}}` (see
 * `servicesOutside` for how the two are told apart); one entry per country × service. Price ladders
 * (`{"0.25": 12}`, getPricesV2) are another action's answer: unexpected here.
 */
export function parsePrices(answer: HttpAnswer, provider: string = PROVIDER): Parsed<Price[]> {
	return interpretJson(answer, provider, (json) => {
		if (Array.isArray(json) && json.length === 0) return [];
		// An older transcription of HeroSMS's docs shows the map wrapped in a one-element array.
		const value = Array.isArray(json) && json.length === 1 ? json[0] : json;
		if (!isPlainObject(value)) return undefined;
		const flipped = servicesOutside(value);
		const prices: Price[] = [];
		for (const [outerKey, inner] of Object.entries(value)) {
			if (!isPlainObject(inner) || asId(outerKey) === null) return undefined;
			for (const [innerKey, leaf] of Object.entries(inner)) {
				const offer = offerOf(leaf);
				if (!offer || asId(innerKey) === null) return undefined;
				const [country, service] = flipped ? [innerKey, outerKey] : [outerKey, innerKey];
				prices.push({ country: country.trim(), service: service.trim(), ...offer });
			}
		}
		return prices;
	});
}

export interface ActiveActivation {
	activationId: string;
	/** E.164; null when the server sent none, or masked it (then `phoneMasked` holds it as sent). */
	phoneNumber: string | null;
	service: string;
	country: string;
	/** RentVerify's status word as sent (`active`, `received`), or the family's `activationStatus` mapped to Get Status's words. */
	status: string;
	cost: number | null;
	createdAt: string | null;
	expiresAt: string | null;
	raw: Record<string, unknown>;
	/** A masked phone (`79********1`), kept as given: its digits are not all known. */
	phoneMasked?: string;
	/** The family's `activationStatus` as sent (`"4"`). */
	statusCode?: string;
	/** The last code of the family's `smsCode` (a list or a string), as sent. */
	code?: string | null;
	/** The family's `smsText`. */
	smsText?: string | null;
}

/**
 * The family's numeric `activationStatus` in Get Status's words. The family documents the codes of
 * setStatus (3 another SMS asked for, 6 finished, 8 or -1 cancelled), not a table for this field: the
 * other codes its docs show (`"4"`) and 0, 1, 2 are an activation still open, read as `received` when
 * the entry carries a code and `waiting` when not. A code not listed here is kept as sent.
 */
const ACTIVATION_STATUS: Record<string, string> = {
	'3': 'waitingRetry',
	'6': 'finished',
	'8': 'cancelled',
	'-1': 'cancelled',
};
const OPEN_ACTIVATION_STATUS = new Set(['0', '1', '2', '4']);

function activationStatusWord(statusCode: string, code: string | null | undefined): string {
	if (Object.hasOwn(ACTIVATION_STATUS, statusCode)) return ACTIVATION_STATUS[statusCode];
	if (OPEN_ACTIVATION_STATUS.has(statusCode)) return code ? 'received' : 'waiting';
	return statusCode;
}

/** The last non-empty code of `smsCode` (`["CODE"]`, `"CODE"`, `null`). */
function lastCode(value: unknown): string | null {
	const codes = (Array.isArray(value) ? value : [value]).map((code) => asText(code)?.trim()).filter(Boolean);
	return codes.length > 0 ? (codes[codes.length - 1] as string) : null;
}

function activationOf(entry: unknown): ActiveActivation | undefined {
	if (!isPlainObject(entry)) return undefined;
	const activationId = asId(entry.activationId ?? entry.id);
	if (activationId === null) return undefined;
	const phone = phoneFields(entry.phoneNumber ?? entry.number ?? entry.phone);
	const statusCode = asText(entry.activationStatus)?.trim();
	const code = Object.hasOwn(entry, 'smsCode') ? lastCode(entry.smsCode) : undefined;
	const status =
		statusCode !== undefined ? activationStatusWord(statusCode, code) : (asText(entry.status)?.trim() ?? '');
	const activation: ActiveActivation = {
		activationId,
		phoneNumber: phone.phoneNumber,
		service: asId(entry.serviceCode ?? entry.service) ?? '',
		country: asId(entry.countryCode ?? entry.country) ?? '',
		status,
		cost: toNumber(entry.activationCost ?? entry.cost),
		createdAt: toIsoUtc(entry.activationTime ?? entry.created_at ?? entry.createdAt),
		expiresAt: toIsoUtc(entry.expires_at ?? entry.expiresAt),
		raw: entry,
	};
	if (phone.phoneMasked !== undefined) activation.phoneMasked = phone.phoneMasked;
	if (statusCode !== undefined) activation.statusCode = statusCode;
	if (code !== undefined) activation.code = code;
	if (Object.hasOwn(entry, 'smsText')) activation.smsText = optionalText(entry.smsText);
	return activation;
}

/** Whether the answer is `NO_ACTIVATIONS`: bare, or in JSON (`{"status":"error","error":"NO_ACTIVATIONS"}`, `{"title":"NO_ACTIVATIONS"}`). */
function isNoActivations(text: string, json: unknown): boolean {
	return text === 'NO_ACTIVATIONS' || jsonError(json)?.word === 'NO_ACTIVATIONS';
}

/**
 * The active list: RentVerify's `[{id, number, service, country, status, cost, expires_at, created_at}]`
 * (also keyed "0", "1", …), the family's `{"status":"success","activeActivations":[{activationId,
 * serviceCode, phoneNumber, activationCost, activationStatus, smsCode, smsText, activationTime,
 * countryCode, …}]}`, or `{"status":"success","data":[…]}`. `NO_ACTIVATIONS` (plural, a different word
 * from `NO_ACTIVATION`), bare or in JSON, is an empty list.
 */
export function parseActiveActivations(answer: HttpAnswer, provider: string = PROVIDER): Parsed<ActiveActivation[]> {
	return interpretJson(
		answer,
		provider,
		(value) => {
			const list = asList(value) ?? listIn(value, ['activeActivations', 'data']);
			return list && everyEntry(list, activationOf);
		},
		{ before: (text, json) => (isNoActivations(text, json) ? parsed([]) : undefined) },
	);
}
