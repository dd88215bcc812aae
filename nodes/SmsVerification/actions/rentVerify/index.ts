import type { INodeProperties } from 'n8n-workflow';

import * as account from './account/Account.resource';

export { account };

export const description: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { provider: ['rentVerify'] } },
		options: [{ name: 'Account', value: 'account' }],
		default: 'account',
	},
	...account.description,
];
