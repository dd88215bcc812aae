import type { INodeProperties } from 'n8n-workflow';

import * as getCountries from './getCountries.operation';
import * as getPrices from './getPrices.operation';
import * as getServices from './getServices.operation';

export { getCountries, getPrices, getServices };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['catalog'] } },
		options: [
			{
				name: 'Get Countries',
				value: 'getCountries',
				description: 'Get the countries numbers can be bought in',
				action: 'Get countries',
			},
			{
				name: 'Get Prices',
				value: 'getPrices',
				description: 'Get the price and stock of each service in each country',
				action: 'Get prices',
			},
			{
				name: 'Get Services',
				value: 'getServices',
				description: 'Get the services offered in a country',
				action: 'Get services of a country',
			},
		],
		default: 'getPrices',
	},
	...getCountries.description,
	...getPrices.description,
	...getServices.description,
];
