import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import type { ActivationServer } from '../../transport/activationServers';
import { getPrices, providerOf } from '../../transport/smsActivate';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Country',
				name: 'country',
				type: 'string',
				default: '',
				placeholder: 'e.g. usa',
				description: 'Only prices in this country (its ID, as Get Countries gives it)',
			},
			{
				displayName: 'Only Available',
				name: 'onlyAvailable',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out offers with no numbers available',
			},
			{
				displayName: 'Service',
				name: 'service',
				type: 'string',
				default: '',
				placeholder: 'e.g. tg',
				description: 'Only prices for this service (its code, as Get Services gives it)',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getPrices'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<IDataObject[]> {
	const provider = await providerOf.call(this, server, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		country?: string;
		service?: string;
		onlyAvailable?: boolean;
	};
	const country = filters.country?.trim().toLowerCase();
	const service = filters.service?.trim().toLowerCase();
	const prices = await getPrices.call(this, server, itemIndex);
	return prices
		.filter((offer) => !country || offer.country.toLowerCase() === country)
		.filter((offer) => !service || offer.service.toLowerCase() === service)
		.filter((offer) => !filters.onlyAvailable || (offer.available ?? 0) > 0)
		.map((offer) => ({ provider, ...offer }));
}
