/**
 * The credential Test of the sms-activate protocol's credentials: a declarative `getBalance` request, as
 * n8n verifies community packages (a Test function would need `helpers.request`, which n8n's scanner
 * refuses), with rules that read the answer.
 *
 * n8n checks each `responseSuccessBody` rule with lodash `get(body, key) === value`, and a plain-text
 * answer reaches it as a string, whose `'0'` is its first character. The success answer is
 * `ACCESS_BALANCE:…`; every documented refusal of getBalance starts with another letter (BAD_KEY,
 * BAD_ACTION, BANNED, ERROR_SQL, NO_KEY, WRONG_…, UNPROCESSABLE_ENTITY, Unauthorized), an HTML page with
 * `<`, and a JSON error envelope carries its word in `title`, `error` or `message`
 * (docs/research/sms-activate-family.md, "Errors"). A refused key at HTTP 4xx/5xx fails by its status.
 */
import type { IAuthenticateRuleResponseSuccessBody } from 'n8n-workflow';

const firstLetter = (value: string, message: string): IAuthenticateRuleResponseSuccessBody => ({
	type: 'responseSuccessBody',
	properties: { key: '0', value, message },
});

const field = (key: string, value: string, message: string): IAuthenticateRuleResponseSuccessBody => ({
	type: 'responseSuccessBody',
	properties: { key, value, message },
});

const CHECK_KEY = 'check the API key in the credential';

export function balanceTestRules(server: string): IAuthenticateRuleResponseSuccessBody[] {
	return [
		firstLetter('B', `${server} refused the request (BAD_KEY, BAD_ACTION or BANNED): ${CHECK_KEY}`),
		firstLetter('N', `${server} answered NO_KEY: ${CHECK_KEY}`),
		firstLetter('W', `${server} refused the request (WRONG_…): check the credential`),
		firstLetter('U', `${server} refused the request as unauthorized or unprocessable: ${CHECK_KEY}`),
		firstLetter('E', `${server} had an internal error (ERROR_SQL): try again later`),
		firstLetter('<', `${server} answered with an HTML page, not the API: check the base URL`),
		field('title', 'BAD_KEY', `${server} refused the API key (BAD_KEY): ${CHECK_KEY}`),
		field('error', 'BAD_KEY', `${server} refused the API key (BAD_KEY): ${CHECK_KEY}`),
		field('status', 'error', `${server} answered with an error: ${CHECK_KEY}`),
	];
}
