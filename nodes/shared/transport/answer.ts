/**
 * What a provider answered, and the problems any provider can answer with (a rate limit, an HTML page,
 * an empty body, an answer nobody knows): the types and classifiers the pure parsers build on.
 * Changes when a new kind of answer needs a name.
 */
import { quote } from '../normalize';

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

/**
 * A redirect, which the transport does not follow: the token would go along to an address the user never
 * set. Where it points is said, so a service that moved can be followed by changing the base URL.
 */
export function redirectProblem(providerName: string, status: number, location: string): ProviderProblem {
	return {
		word: `HTTP_${status}`,
		message: `${providerName} redirected the request to ${location ? `"${quote(location, 120)}"` : 'another address'} (HTTP ${status}); it was not followed`,
		description:
			'The API token is only sent to the base URL in the credential. If the service moved there, put that address in the credential; otherwise check the base URL.',
		transient: false,
	};
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
