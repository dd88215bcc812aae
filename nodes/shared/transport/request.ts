import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { quote } from '../normalize';

/** Every n8n context our transports run in: the action node, its dropdown loaders and the trigger. */
export type ProviderContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** What the provider sent back, whatever the HTTP status: providers of this family put errors in 200s too. */
export interface HttpAnswer {
	statusCode: number;
	body: string;
	retryAfterMs?: number;
}

/** A provider answer or a failed request, explained for the user. */
export interface ProviderProblem {
	/** The provider's word (`NO_NUMBERS`) or our name for what went wrong (`HTML_PAGE`, `ECONNRESET`). */
	word: string;
	/** What happened. */
	message: string;
	/** What to do about it. */
	description: string;
	/** Whether sending the same read again may succeed (5xx, 429, reset, timeout, `ERROR_SQL`). */
	transient: boolean;
	retryAfterMs?: number;
}

/** The result of a pure parser: a value, or a problem that the transport turns into an error. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ProviderProblem };

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const failed = <T>(problem: ProviderProblem): Parsed<T> => ({ ok: false, problem });

export interface ProviderCall<T> {
	/** `RentVerify` or `OTPVerified`, as users know them. */
	providerName: string;
	credentialType: string;
	/**
	 * The credential as the transport already read it (for the item): handed to n8n so the request is
	 * authenticated with the same data, read once, and per item where the credential uses expressions.
	 */
	credentials: ICredentialDataDecryptedObject;
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	/**
	 * Set for a call that changes money (buy, rent, cancel). It is sent once and never again
	 * automatically: once it may have reached the server, a second send could buy a second number.
	 * `action` names it in errors; `check` says how to find out whether it went through.
	 */
	sentOnce?: { action: string; check: string };
	/** Turns the answer into a value or a problem. */
	interpret: (answer: HttpAnswer) => Parsed<T>;
	/** Strings that must never appear in an error (the token). */
	secrets: string[];
	itemIndex?: number;
}

/** How reads retry transient failures: four tries, 0.4 s, 0.8 s, 1.6 s apart (longer when the provider sends Retry-After). */
export const RETRY_POLICY = { attempts: 4, baseDelayMs: 400, maxDelayMs: 5_000, timeoutMs: 30_000 };

/**
 * Sends one provider call through `httpRequestWithAuthentication` and returns the interpreted answer.
 * Reads retry transient problems with backoff; a call marked `sentOnce` (buy, rent, cancel, release) is sent once.
 */
export async function callProvider<T>(context: ProviderContext, call: ProviderCall<T>): Promise<T> {
	const attempts = call.sentOnce ? 1 : RETRY_POLICY.attempts;
	let problem: ProviderProblem | undefined;
	for (let attempt = 1; attempt <= attempts; attempt++) {
		if (attempt > 1) await waitBeforeRetry.call(context, attempt, problem);
		const outcome = await sendOnce(context, call);
		if (outcome.ok) return outcome.value;
		problem = outcome.problem;
		if (!problem.transient) break;
	}
	throw providerError.call(context, call, problem as ProviderProblem, attempts);
}

async function sendOnce<T>(context: ProviderContext, call: ProviderCall<T>): Promise<Parsed<T>> {
	const options: IHttpRequestOptions = {
		method: call.method,
		url: call.url,
		qs: call.qs,
		body: call.body,
		json: call.body !== undefined,
		// Read the body as text whatever the status: the answer is classified by its body, not its status.
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: RETRY_POLICY.timeoutMs,
	};
	let response: { statusCode: number; body: unknown; headers?: Record<string, unknown> };
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, call.credentialType, options, {
			credentialsDecrypted: {
				id: '',
				name: call.providerName,
				type: call.credentialType,
				data: call.credentials,
			},
		})) as typeof response;
	} catch (error) {
		return failed(requestFailure.call(context, call, error));
	}
	const answer: HttpAnswer = {
		statusCode: response.statusCode,
		// Scrubbed before any parser quotes it: a quote cut short could keep part of an echoed token.
		body: scrubSecrets(bodyText(response.body), call.secrets),
		retryAfterMs: retryAfterMs(response.headers?.['retry-after']),
	};
	// The parsers never throw (their property tests say so); this keeps a future one that does from
	// escaping as anything but the unexpected-answer error.
	try {
		return call.interpret(answer);
	} catch {
		return failed(unexpectedAnswer(call.providerName, answer));
	}
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

function retryAfterMs(header: unknown): number | undefined {
	const seconds = Number(header);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

async function waitBeforeRetry(
	this: ProviderContext,
	attempt: number,
	problem: ProviderProblem | undefined,
): Promise<void> {
	const backoff = RETRY_POLICY.baseDelayMs * 2 ** (attempt - 2);
	const delay = Math.min(RETRY_POLICY.maxDelayMs, Math.max(backoff, problem?.retryAfterMs ?? 0));
	try {
		await sleep(delay, cancelSignal(this));
	} catch {
		throw new NodeOperationError(this.getNode(), 'The execution was canceled while waiting to retry');
	}
}

/** The execution's cancel signal where n8n gives one (not in loaders or polls). */
export function cancelSignal(context: ProviderContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

const CONNECTION_NEVER_MADE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Finds the network error code (`ECONNRESET`, …) inside the errors n8n and axios wrap around it. */
function networkCode(error: unknown): string {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && /^(E[A-Z_]+|ERR_[A-Z_]+)$/.test(code)) {
			return code === 'ECONNABORTED' && typeof message === 'string' && /timeout/i.test(message)
				? 'ETIMEDOUT'
				: code;
		}
		if (typeof message === 'string' && /socket hang up/i.test(message)) return 'ECONNRESET';
		if (typeof message === 'string' && /timeout of \d+ms exceeded/i.test(message)) return 'ETIMEDOUT';
		current = (current as { cause?: unknown }).cause;
	}
	return 'UNKNOWN';
}

function requestFailure(
	this: ProviderContext,
	call: ProviderCall<unknown>,
	error: unknown,
): ProviderProblem {
	const code = networkCode(error);
	if (code === 'ERR_CANCELED' || cancelSignal(this)?.aborted) {
		throw new NodeOperationError(this.getNode(), 'The execution was canceled');
	}
	const name = call.providerName;
	if (call.sentOnce && !CONNECTION_NEVER_MADE.has(code)) {
		return {
			word: code,
			message: `${name}: the connection failed after the ${call.sentOnce.action} request was sent (${code}), so it may have gone through`,
			description: `It was not sent again, so it happened at most once. ${call.sentOnce.check}`,
			transient: false,
		};
	}
	const explanations: Record<string, [string, string]> = {
		ECONNREFUSED: [
			`${name} refused the connection`,
			'Check the base URL in the credential, and that the service is up.',
		],
		ENOTFOUND: [
			`${name}'s host name could not be found`,
			'Check the base URL in the credential.',
		],
		ECONNRESET: [
			`${name} closed the connection before answering`,
			'The service may be overloaded; try again in a moment.',
		],
		ETIMEDOUT: [
			`${name} did not answer within ${RETRY_POLICY.timeoutMs / 1000} seconds`,
			'The service may be slow or down; try again later.',
		],
	};
	const [message, description] = explanations[code] ?? [
		`The request to ${name} failed (${code})`,
		'Check the base URL in the credential and your network, then try again.',
	];
	return { word: code, message: `${message} (${code})`, description, transient: code !== 'ENOTFOUND' };
}

function providerError(
	this: ProviderContext,
	call: ProviderCall<unknown>,
	problem: ProviderProblem,
	attempts: number,
): NodeApiError {
	const scrub = (text: string) => scrubSecrets(text, call.secrets);
	const retried =
		attempts > 1 && problem.transient ? ` It failed ${attempts} times in a row.` : '';
	// The error object holds only what we chose to say: never the request, whose headers carry the token.
	const errorResponse: JsonObject = { provider: call.providerName, word: scrub(problem.word) };
	const message = scrub(problem.message);
	const error = new NodeApiError(this.getNode(), errorResponse, {
		message,
		description: scrub(problem.description + retried),
		itemIndex: call.itemIndex,
	});
	// NodeApiError swaps a message that names a network code (ECONNRESET, ETIMEDOUT…) for a generic
	// "retry the request" text. Ours says more, and for a purchase that may have gone through, that
	// advice is wrong.
	error.message = message;
	return error;
}

/** The shortest piece of a token that counts as the token: a server that cuts it short still gives it away. */
const SECRET_PIECE = 8;
const SECRET_PATTERNS = new Map<string, RegExp>();

/** One character of a secret in every form a server may echo it in: as is in any case, URL-encoded, JSON-escaped. */
function secretCharacter(character: string): string {
	const forms = new Set<string>([character.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')]);
	const code = character.charCodeAt(0);
	const hex = code.toString(16).padStart(2, '0');
	for (const byte of Buffer.from(character, 'utf8')) {
		const byteHex = byte.toString(16).padStart(2, '0');
		forms.add(`%${byteHex}`);
		forms.add(`%25${byteHex}`);
	}
	if (character === ' ') forms.add('\\+');
	// JSON-escaped, also twice or more (a JSON string quoted into another).
	forms.add(`\\\\+u${code.toString(16).padStart(4, '0')}`);
	if (character === '/' || character === '"' || character === '\\') forms.add(`\\\\+\\${character}`);
	forms.add(`&#x0*${hex};`);
	forms.add(`&#0*${code};`);
	return `(?:${[...forms].join('|')})`;
}

/** What may come between two characters of an echoed secret: a line break or spaces (raw, JSON-escaped or URL-encoded). */
const BETWEEN = '(?:\\s|\\\\+[nrt]|%0[ad])*';

/**
 * Finds a secret in the forms a server may echo it in: whole or cut to a prefix or a suffix of 8 or more
 * characters, in any letter case, URL-encoded (once or twice), JSON- or HTML-escaped, split over lines.
 */
function secretPattern(secret: string): RegExp {
	const cached = SECRET_PATTERNS.get(secret);
	if (cached) return cached;
	const units = [...secret].map(secretCharacter);
	const piece = Math.min(SECRET_PIECE, units.length);
	// A prefix: the first `piece` characters, then each further one only after the one before it.
	let prefix = '';
	for (let index = units.length - 1; index >= piece; index--) prefix = `(?:${BETWEEN}${units[index]}${prefix})?`;
	prefix = units.slice(0, piece).join(BETWEEN) + prefix;
	// A suffix: the last `piece` characters, each earlier one only before the one after it.
	let suffix = '';
	for (let index = 0; index < units.length - piece; index++) suffix = `(?:${suffix}${units[index]}${BETWEEN})?`;
	suffix += units.slice(units.length - piece).join(BETWEEN);
	const pattern = new RegExp(`${prefix}|${suffix}`, 'gi');
	if (SECRET_PATTERNS.size > 100) SECRET_PATTERNS.clear();
	SECRET_PATTERNS.set(secret, pattern);
	return pattern;
}

/**
 * The text with every secret (the token) replaced by `***`: whole, or cut to 8 or more of its first or
 * last characters, whatever the letter case, URL-encoded, JSON- or HTML-escaped, or split over lines.
 * A key saved with spaces around it is looked for without them (that is how it is sent).
 */
export function scrubSecrets(text: string, secrets: string[]): string {
	let clean = text;
	let decoded: { plain: string; decoded: string } | undefined;
	for (const raw of secrets) {
		const secret = raw.trim();
		if (secret.length < 4) continue;
		// The full search costs about 0.3 µs a character (a price list of megabytes takes a while): a text in
		// which no decoded form holds a piece of the secret is left as it is without it.
		if (PLAIN_SECRET.test(secret)) {
			decoded ??= decodedForms(clean);
			const lower = secret.toLowerCase();
			const pieces = [lower.slice(0, SECRET_PIECE), lower.slice(-SECRET_PIECE)];
			if (!pieces.some((piece) => decoded?.plain.includes(piece) || decoded?.decoded.includes(piece))) continue;
		}
		clean = clean.replace(secretPattern(secret), '***');
		decoded = undefined;
	}
	return clean;
}

/** Secrets of printable ASCII without the characters that encodings are made of: for these the quick check is exact. */
const PLAIN_SECRET = /^[\x21-\x24\x27-\x5b\x5d-\x7e]+$/;

/** Every encoding `secretPattern` knows, for undoing them in one pass. */
const ENCODED = /%(?:25)?([0-9a-f]{2})|\\u([0-9a-f]{4})|&#x0*([0-9a-f]{1,6});|&#0*(\d{1,7});|\\([/"\\])|\\[nrt]/g;

/** The text in lower case without spaces and line breaks, as is and with every encoding `secretPattern` knows undone. */
function decodedForms(text: string): { plain: string; decoded: string } {
	const lower = text.toLowerCase();
	const fromCode = (code: number) => (code <= 0x10ffff ? String.fromCodePoint(code) : '');
	const decode = (text: string) =>
		text.replace(ENCODED, (_, url?: string, json?: string, hex?: string, decimal?: string, escaped?: string) => {
			if (url !== undefined) return String.fromCharCode(parseInt(url, 16));
			if (json !== undefined) return fromCode(parseInt(json, 16));
			if (hex !== undefined) return fromCode(parseInt(hex, 16));
			if (decimal !== undefined) return fromCode(Number(decimal));
			return escaped ?? ' ';
		});
	// Encodings inside encodings (a JSON string quoted into another): undone until nothing changes, three times at most.
	let decoded = lower;
	for (let pass = 0; pass < 3; pass++) {
		const next = decode(decoded).toLowerCase();
		if (next === decoded) break;
		decoded = next;
	}
	return { plain: lower.replace(/\s+/g, ''), decoded: decoded.replace(/\s+/g, '') };
}

/** Problems every provider can answer with: an HTML page, an empty body, a rate limit, a server error. */
export function transportProblem(providerName: string, answer: HttpAnswer): ProviderProblem | undefined {
	const body = answer.body.trim();
	const status = answer.statusCode;
	if (status === 429) {
		return {
			word: 'HTTP_429',
			message: `${providerName} is limiting the request rate (HTTP 429)`,
			description: 'Too many requests in a short time; wait a little or poll less often.',
			transient: true,
			retryAfterMs: answer.retryAfterMs,
		};
	}
	if (/^<(!doctype|html|head|body|\?xml)/i.test(body)) {
		const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1];
		return {
			word: 'HTML_PAGE',
			message: `${providerName} answered with an HTML page (HTTP ${status}${title ? `, "${quote(title, 60)}"` : ''}) instead of an API answer`,
			description:
				status >= 500
					? 'The service or a proxy in front of it is failing; try again later.'
					: 'Check the base URL in the credential: it should point at the API, not a web page.',
			transient: status >= 500,
		};
	}
	if (body === '') {
		return {
			word: 'EMPTY_BODY',
			message: `${providerName} answered with an empty body (HTTP ${status})`,
			description: 'The service may be having trouble; try again in a moment.',
			transient: true,
		};
	}
	return undefined;
}

/** An answer we do not know: never taken as success, quoted so the user can see what came back. */
export function unexpectedAnswer(providerName: string, answer: HttpAnswer): ProviderProblem {
	return {
		word: 'UNEXPECTED_ANSWER',
		message: `${providerName} gave an unexpected answer (HTTP ${answer.statusCode}): "${quote(answer.body)}"`,
		description:
			'Nothing was assumed from it. If it repeats, check the base URL in the credential, or report the answer to the package maintainers.',
		transient: answer.statusCode >= 500,
	};
}

/** The provider word a transport error carries (`NO_NUMBERS`, `ECONNRESET`, …), if it is one of ours. */
export function providerWord(error: unknown): string | undefined {
	const response = (error as { errorResponse?: { word?: unknown } } | null)?.errorResponse;
	return typeof response?.word === 'string' ? response.word : undefined;
}
