import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class OtpVerifiedApi implements ICredentialType {
	name = 'otpVerifiedApi';

	displayName = 'OTPVerified API';

	icon: Icon = { light: 'file:../icons/otpVerified.svg', dark: 'file:../icons/otpVerified.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-sms-verification/n8n-nodes-sms-verification#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your OTPVerified API key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://otpverified.com/api/v1',
			description: 'Change it only to reach a compatible server or a test double',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/users/rental-services',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'success', value: false, message: 'OTPVerified rejected the API key' },
			},
		],
	};
}
