import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationSelector } from '../../displayOptions';
import * as getCountries from './getCountries.operation';
import * as getPrices from './getPrices.operation';
import * as getServices from './getServices.operation';

export { getCountries, getPrices, getServices };

/** The Catalog operations every sms-activate protocol node offers, as the node panel shows them. */
export const operationOptions: INodePropertyOptions[] = [
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
];

/** The fields of those operations, each shown for its operation only. */
export const fields: INodeProperties[] = [
	...getCountries.description,
	...getPrices.description,
	...getServices.description,
];

export const description: INodeProperties[] = [operationSelector('catalog', operationOptions, 'getPrices'), ...fields];
