import type {
	ICredentialTestRequest,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateRentVerify } from '../nodes/shared/transport/activationAuth';
import { balanceTestRules } from '../nodes/shared/transport/activationCredentialTest';

export class RentVerifyApi implements ICredentialType {
	name = 'rentVerifyApi';

	displayName = 'RentVerify API';

	icon: Icon = { light: 'file:../icons/rentVerify.svg', dark: 'file:../icons/rentVerify.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-sms-verification/n8n-nodes-sms-verification#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The 64-character hex token shown on your RentVerify account page. Other 365sms-compatible servers use their own API key format.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://rentverify.us/api/v1',
			description:
				'Change it to use another 365sms / sms-activate compatible server, e.g. https://example.com/stubs/handler_api.php',
		},
		{
			displayName: 'Send Token As',
			name: 'authHeader',
			type: 'options',
			options: [
				{ name: 'X-API-Token Header', value: 'xApiToken' },
				{ name: 'Authorization: Bearer Header', value: 'bearer' },
			],
			default: 'xApiToken',
			description: 'How the token is sent. RentVerify accepts both.',
		},
	];

	// A function rather than a generic block so exactly one header is sent: a generic block would send
	// the unused header too, empty. sms-activate style servers (…/handler_api.php) take the key in the query.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateRentVerify(credentials, requestOptions);
	}

	// getBalance in the base URL's style: `…/handler_api.php?action=getBalance`, or `…/getBalance`.
	test: ICredentialTestRequest = {
		request: {
			url: '={{ /handler_api\\.php$/i.test($credentials.baseUrl.trim().replace(/\\/+$/, "")) ? $credentials.baseUrl.trim() : $credentials.baseUrl.trim().replace(/\\/+$/, "") + "/getBalance" }}',
			qs: { action: 'getBalance' },
		},
		rules: balanceTestRules('RentVerify'),
	};
}
