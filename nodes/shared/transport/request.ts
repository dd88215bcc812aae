/**
 * Sending a provider call: through n8n's httpRequestWithAuthentication, reads retried with backoff, a
 * call that moves money sent once. Changes when how requests are sent or retried changes.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { HttpAnswer, Parsed, ProviderProblem } from './answer';
import { failed, redirectProblem, unexpectedAnswer } from './answer';
import { networkCode } from './networkError';
import { providerError, requestFailureProblem } from './providerError';
import { scrubSecrets } from './secrets';

/** Every n8n context our transports run in: the action node, its list searches and the trigger. */
export type ProviderContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

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
	throw providerError(context.getNode(), call, problem as ProviderProblem, attempts);
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
		// The token goes to the base URL in the credential and nowhere else: a redirect is not followed
		// (a header such as RentVerify's X-API-Token would go along to wherever it points) but answered
		// as a problem that names where it pointed.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
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
		const code = networkCode(error);
		if (code === 'ERR_CANCELED' || cancelSignal(context)?.aborted) {
			throw new NodeOperationError(context.getNode(), 'The execution was canceled');
		}
		return failed(requestFailureProblem(call, code, RETRY_POLICY.timeoutMs));
	}
	if (response.statusCode >= 300 && response.statusCode < 400) {
		const location = scrubSecrets(String(response.headers?.location ?? ''), call.secrets);
		return failed(redirectProblem(call.providerName, response.statusCode, location));
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

