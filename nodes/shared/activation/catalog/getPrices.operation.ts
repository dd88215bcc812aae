import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import { checkBoolean, checkText } from '../../parameters';
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
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const country = checkText(this, itemIndex, filters.country, { displayName: 'Filters → Country' }).toLowerCase();
	const service = checkText(this, itemIndex, filters.service, { displayName: 'Filters → Service' }).toLowerCase();
	const onlyAvailable = checkBoolean(this, itemIndex, filters.onlyAvailable ?? false, { displayName: 'Filters → Only Available' });
	const provider = await providerOf.call(this, server, itemIndex);
	const prices = await getPrices.call(this, server, itemIndex);
	return prices
		.filter((offer) => !country || offer.country.toLowerCase() === country)
		.filter((offer) => !service || offer.service.toLowerCase() === service)
		.filter((offer) => !onlyAvailable || (offer.available ?? 0) > 0)
		.map((offer) => ({ provider, ...offer }));
}
