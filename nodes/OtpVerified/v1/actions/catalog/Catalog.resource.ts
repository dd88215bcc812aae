import type { INodeProperties } from 'n8n-workflow';

import * as getServices from './getServices.operation';

export { getServices };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['catalog'] } },
		options: [
			{
				name: 'Get Services and Prices',
				value: 'getServices',
				description: 'Get the services numbers can be rented for, with their prices',
				action: 'Get services and prices',
			},
		],
		default: 'getServices',
	},
	...getServices.description,
];
