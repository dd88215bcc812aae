import type { INodeProperties } from 'n8n-workflow';

import * as account from '../../../shared/activation/account/Account.resource';
import * as activation from '../../../shared/activation/activation/Activation.resource';
import * as catalog from '../../../shared/activation/catalog/Catalog.resource';

export { account, activation, catalog };

export const description: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Activation', value: 'activation' },
			{ name: 'Catalog', value: 'catalog' },
		],
		default: 'activation',
	},
	...account.description,
	...activation.description,
	...catalog.description,
];
