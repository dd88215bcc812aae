import type { INodeProperties } from 'n8n-workflow';

import * as catalog from './catalog/Catalog.resource';
import * as rental from './rental/Rental.resource';

export { catalog, rental };

export const description: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Catalog', value: 'catalog' },
			{ name: 'Rental', value: 'rental' },
		],
		default: 'rental',
	},
	...catalog.description,
	...rental.description,
];
