import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchChoices } from '../../../shared/loaders';
import { getRentalServices } from '../../../shared/transport/otpVerified';

/** OTPVerified's rental services with their price, for the Service list. */
export async function searchServices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const services = await getRentalServices.call(this);
	return searchChoices(
		services.map((service) => ({
			name: typeof service.price === 'number'
				? `${service.serviceName || service.serviceId} (from $${service.price.toFixed(2)})`
				: service.serviceName || service.serviceId,
			value: service.serviceId,
		})),
		filter,
	);
}
