import type {
	ICredentialTestRequest,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateSmsActivate } from '../nodes/shared/transport/activationAuth';
import { balanceTestRules } from '../nodes/shared/transport/activationCredentialTest';
import { CUSTOM_SERVER, FAMILY_SERVERS } from '../nodes/shared/transport/activationServers';

/** One credential for every server of the sms-activate protocol family: which server, and its API key. */
export class SmsActivateApi implements ICredentialType {
	name = 'smsActivateApi';

	displayName = 'SMS-Activate Protocol API';

	icon: Icon = { light: 'file:../icons/smsActivate.svg', dark: 'file:../icons/smsActivate.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-sms-verification/n8n-nodes-sms-verification#sms-activate-protocol';

	properties: INodeProperties[] = [
		{
			displayName: 'Server',
			name: 'server',
			type: 'options',
			options: [
				...FAMILY_SERVERS.map((server) => ({ name: server.name, value: server.value, description: server.baseUrl })),
				{ name: 'Custom', value: CUSTOM_SERVER, description: 'Any other server that speaks the protocol' },
			],
			default: 'heroSms',
			description: 'The server the key belongs to. Each offers the operations its public documentation describes.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key from your account page on that server',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/stubs/handler_api.php',
			description: "The server's handler_api.php address",
			displayOptions: { show: { server: [CUSTOM_SERVER] } },
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'Leave empty for the documented address',
			description: 'Another address for the chosen server, e.g. a mirror after it moved',
			displayOptions: { hide: { server: [CUSTOM_SERVER] } },
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateSmsActivate(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: {
			// The credential's own address, or the documented one of the chosen server.
			url: `={{ $credentials.baseUrl.trim() || ${JSON.stringify(Object.fromEntries(FAMILY_SERVERS.map((server) => [server.value, server.baseUrl])))}[$credentials.server] }}`,
			qs: { action: 'getBalance' },
		},
		rules: balanceTestRules('The server'),
	};
}
