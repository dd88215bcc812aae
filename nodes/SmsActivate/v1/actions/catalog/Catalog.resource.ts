import type { INodeProperties } from 'n8n-workflow';

import * as shared from '../../../../shared/activation/catalog/Catalog.resource';
import { operationSelector } from '../../../../shared/displayOptions';
import * as getAvailableNumbers from './getAvailableNumbers.operation';

export const { getCountries, getPrices, getServices } = shared;
export { getAvailableNumbers };

/** Every server's catalog operations, plus the available-number counts that some servers document. */
export const description: INodeProperties[] = [
	operationSelector(
		'catalog',
		[
			...shared.operationOptions,
			{
				name: 'Get Available Numbers',
				value: 'getAvailableNumbers',
				description: 'Get how many numbers are available for each service (getNumbersStatus)',
				action: 'Get available numbers',
			},
		],
		'getPrices',
	),
	...shared.fields,
	...getAvailableNumbers.description,
];
