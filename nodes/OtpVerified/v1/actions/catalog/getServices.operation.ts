import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import { getRentalServices } from '../../../../shared/transport/otpVerified';

// No fields: the provider returns every service with its current (and discounted) prices.
export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getServices'] } },
	[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const services = await getRentalServices.call(this, itemIndex);
	return services.map((service) => ({ provider: 'otpVerified', ...service }));
}
