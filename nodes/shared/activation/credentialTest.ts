/**
 * The credential Test of the sms-activate protocol's credentials, through the same endpoint builder,
 * authentication and answer parser as every real call: a `BAD_KEY` that a server answers with HTTP 200
 * fails the Test, and handler_api.php addresses are asked the way the server expects.
 * n8n gives a Test only `helpers.request` (no httpRequestWithAuthentication), so the key is put on the
 * request here with the credential's own authenticate function (transport/activationAuth.ts).
 */
import type {
	ICredentialDataDecryptedObject,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import type { ActivationServer } from '../transport/activationServers';
import { parseBalance } from '../transport/rentVerifyAnswers';
import { RETRY_POLICY, scrubSecrets } from '../transport/request';
import { endpoint } from '../transport/smsActivate';

type Authenticate = (credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions) => IHttpRequestOptions;

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

export function activationCredentialTest(server: ActivationServer, authenticate: Authenticate) {
	return async function (
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const data = credential.data ?? {};
		const connection = server.connect(data);
		try {
			new URL(connection.baseUrl);
		} catch {
			return { status: 'Error', message: `The base URL "${connection.baseUrl}" is not a valid URL` };
		}
		const tokenProblem = connection.tokenProblem?.(connection.token);
		if (tokenProblem) return { status: 'Error', message: `${tokenProblem}. No request was sent.` };

		const request = authenticate(data, { method: 'GET', ...endpoint(connection.baseUrl, 'getBalance') });
		let response: { statusCode: number; body: unknown };
		try {
			// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions -- a credential Test gets only `helpers.request` from n8n (ICredentialTestFunctions has no httpRequest)
			response = (await this.helpers.request({
				method: 'GET',
				uri: request.url,
				qs: request.qs,
				headers: request.headers,
				resolveWithFullResponse: true,
				simple: false,
				timeout: RETRY_POLICY.timeoutMs,
			})) as typeof response;
		} catch (error) {
			const message = scrubSecrets(String((error as Error).message ?? error), [connection.token]);
			return { status: 'Error', message: `Could not reach ${connection.name} at ${connection.baseUrl}: ${message}` };
		}
		const answer = { statusCode: response.statusCode, body: scrubSecrets(bodyText(response.body), [connection.token]) };
		const balance = parseBalance(answer);
		if (!balance.ok) {
			const { message, description } = balance.problem;
			return { status: 'Error', message: `${message}. ${description}` };
		}
		return { status: 'OK', message: `Connection tested: the key works, the balance is ${balance.value}` };
	};
}

/**
 * The base description of a versioned node whose credential its nodes test (`testedBy`). n8n finds that
 * Test through `node instanceof VersionedNodeType`, which is false when the package has its own copy of
 * n8n-workflow (a community install, or a linked package): it then reads `credentials` and `methods` of
 * the wrapper itself. So the wrapper carries both too (docs/N8N.md, "Credential Tests of versioned nodes").
 */
export type TestedBaseDescription = INodeTypeBaseDescription & Pick<INodeTypeDescription, 'credentials'>;
