/**
 * How the sms-activate protocol's credentials put the key on a request. The credentials' `authenticate`
 * and the credential Test (activation/credentialTest.ts) both use these, so Test and real calls send
 * the key the same way.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/** sms-activate's URL style (`…/handler_api.php?action=…&api_key=…`), used by most servers of the family. */
export function isHandlerStyle(baseUrl: string): boolean {
	return /\/handler_api\.php$/i.test(baseUrl.trim().replace(/\/+$/, ''));
}

function requestUrl(options: IHttpRequestOptions): string {
	return `${options.baseURL ?? ''}${options.url ?? ''}`.split('?')[0];
}

/**
 * RentVerify: the token in exactly one header (`X-API-Token` or `Authorization: Bearer`), or as
 * `api_key` when the base URL is handler_api.php style.
 */
export function authenticateRentVerify(
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): IHttpRequestOptions {
	const token = String(credentials.token ?? '').trim();
	if (isHandlerStyle(requestUrl(options))) return { ...options, qs: { ...options.qs, api_key: token } };
	const header = credentials.authHeader === 'bearer' ? { Authorization: `Bearer ${token}` } : { 'X-API-Token': token };
	return { ...options, headers: { ...options.headers, ...header } };
}

/** The protocol family: the key as the `api_key` query parameter, as every server of it documents. */
export function authenticateSmsActivate(
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): IHttpRequestOptions {
	return { ...options, qs: { ...options.qs, api_key: String(credentials.apiKey ?? '').trim() } };
}
