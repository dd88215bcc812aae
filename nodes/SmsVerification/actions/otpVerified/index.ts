import type { INodeProperties } from 'n8n-workflow';

import * as catalog from './catalog/Catalog.resource';

export { catalog };

export const description: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { provider: ['otpVerified'] } },
		options: [{ name: 'Catalog', value: 'catalog' }],
		default: 'catalog',
	},
	...catalog.description,
];
