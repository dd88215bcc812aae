/** OTPVerified fields used by more than one operation, each with the reader that checks it. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const rentalService: INodeProperties = {
	displayName: 'Service Name or ID',
	name: 'serviceId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getServices' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The service the number is rented for',
};

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
	const id = String(this.getNodeParameter('orderId', itemIndex, '')).trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), 'No order ID was given', {
			description: "Map the `id` that Rent a Number returned, e.g. {{ $('Rent a number').item.json.id }}.",
			itemIndex,
		});
	}
	return id;
}
