import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import type { RentalOutput } from '../../../../shared/output';
import { rentalFromOrder } from '../../../../shared/output';
import { checkOption, checkText } from '../../../../shared/parameters';
import { RENTAL_DURATIONS, requestRental } from '../../../../shared/transport/otpVerified';
import { readRentalService, rentalService } from '../common.descriptions';

const properties: INodeProperties[] = [
	rentalService,
	{
		displayName: 'Duration',
		name: 'duration',
		type: 'options',
		// eslint-disable-next-line n8n-nodes-base/node-param-options-type-unsorted-items -- durations read best from shortest to longest
		options: [
			{ name: 'One Day', value: 'oneDay' },
			{ name: 'Three Days', value: 'threeDay' },
			{ name: 'Seven Days', value: 'sevenDay' },
			{ name: 'Fourteen Days', value: 'fourteenDay' },
			{ name: 'Thirty Days', value: 'thirtyDay' },
			{ name: 'Ninety Days', value: 'ninetyDay' },
		],
		default: 'thirtyDay',
		description: 'How long to rent the number. Not every number can be rented for one to fourteen days.',
	},
	{
		displayName: 'Area Code',
		name: 'areaCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. 503',
		description: 'Only rent a number with this US area code. Adds $2.50 to the price.',
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['rental'], operation: ['rentNumber'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<RentalOutput> {
	const serviceId = readRentalService.call(this, itemIndex);
	const duration = checkOption(this, itemIndex, this.getNodeParameter('duration', itemIndex), {
		displayName: 'Duration',
		values: RENTAL_DURATIONS,
	});
	const areaCode = checkText(this, itemIndex, this.getNodeParameter('areaCode', itemIndex, ''), { displayName: 'Area Code' });
	if (areaCode && !/^\d{3}$/.test(areaCode)) {
		throw new NodeOperationError(this.getNode(), `Area Code: "${areaCode}" is not a US area code (three digits, e.g. 503)`, {
			description: 'An area code has three digits, e.g. 503. Leave it empty for any area. Nothing was sent.',
			itemIndex,
		});
	}
	const rental = await requestRental.call(this, { serviceId, duration, areaCode: areaCode || undefined }, itemIndex);
	return rentalFromOrder(rental);
}
