/**
 * The errors the transport raises, in words: a failed request explained (and, for a purchase, that it may
 * have gone through), and a provider's problem as the NodeApiError the user reads, the token scrubbed out.
 * Changes when what users are told changes.
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ProviderProblem } from './answer';
import { connectionNeverMade } from './networkError';
import type { ProviderCall } from './request';
import { scrubSecrets } from './secrets';

/** What a request that failed with a network error (`code`) means for the user. */
export function requestFailureProblem(
	call: Pick<ProviderCall<unknown>, 'providerName' | 'sentOnce'>,
	code: string,
	timeoutMs: number,
): ProviderProblem {
	const name = call.providerName;
	if (call.sentOnce && !connectionNeverMade(code)) {
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
			`${name} did not answer within ${timeoutMs / 1000} seconds`,
			'The service may be slow or down; try again later.',
		],
	};
	const [message, description] = explanations[code] ?? [
		`The request to ${name} failed (${code})`,
		'Check the base URL in the credential and your network, then try again.',
	];
	return { word: code, message: `${message} (${code})`, description, transient: code !== 'ENOTFOUND' };
}

export function providerError(
	node: INode,
	call: Pick<ProviderCall<unknown>, 'providerName' | 'secrets' | 'itemIndex'>,
	problem: ProviderProblem,
	attempts: number,
): NodeApiError {
	const scrub = (text: string) => scrubSecrets(text, call.secrets);
	const retried =
		attempts > 1 && problem.transient ? ` It failed ${attempts} times in a row.` : '';
	// The error object holds only what we chose to say: never the request, whose headers carry the token.
	const errorResponse: JsonObject = { provider: call.providerName, word: scrub(problem.word) };
	const message = scrub(problem.message);
	const error = new NodeApiError(node, errorResponse, {
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

/** The provider word a transport error carries (`NO_NUMBERS`, `ECONNRESET`, …), if it is one of ours. */
export function providerWord(error: unknown): string | undefined {
	const response = (error as { errorResponse?: { word?: unknown } } | null)?.errorResponse;
	return typeof response?.word === 'string' ? response.word : undefined;
}
