/** OTPVerified fields used by more than one operation, each with the reader that checks it. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { catalogPick, readCatalogPick } from '../../../shared/descriptions';
import { checkText } from '../../../shared/parameters';

export const rentalService: INodeProperties = catalogPick({
	displayName: 'Service',
	name: 'serviceId',
	searchListMethod: 'searchServices',
	typedModeName: 'By ID',
	placeholder: 'e.g. 1fe58df2',
	description: 'The service the number is rented for: pick it from the list, or type or map its ID as Get Services and Prices gives it',
});

/** The service a Rent item is for. */
export function readRentalService(this: IExecuteFunctions, itemIndex: number): string {
	return readCatalogPick.call(this, 'serviceId', itemIndex, {
		missing: 'No service was given',
		description: 'Pick a service from the list, or type its ID (By ID) as Get Services and Prices gives it.',
	});
}

export const orderId: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 52608714',
	description: 'The rental: the ID that Rent a Number output',
};

export function readOrderId(this: IExecuteFunctions, itemIndex: number): string {
	const id = checkText(this, itemIndex, this.getNodeParameter('orderId', itemIndex, ''), { displayName: 'Order ID' });
	if (!id) {
		throw new NodeOperationError(this.getNode(), 'No order ID was given', {
			description: "Map the `id` that Rent a Number returned, e.g. {{ $('Rent a number').item.json.id }}.",
			itemIndex,
		});
	}
	return id;
}
