/**
 * Which network error a failed request met (`ECONNRESET`, `ETIMEDOUT`, …), dug out of the errors n8n and
 * axios wrap around it, and whether the connection was ever made. Changes with n8n's HTTP stack.
 */

const CONNECTION_NEVER_MADE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Finds the network error code (`ECONNRESET`, …) inside the errors n8n and axios wrap around it. */
export function networkCode(error: unknown): string {
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

/** Whether a request that failed with `code` never reached the server (so even a purchase may be sent again by hand). */
export function connectionNeverMade(code: string): boolean {
	return CONNECTION_NEVER_MADE.has(code);
}
