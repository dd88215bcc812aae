import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../../shared/loaders';
import { getRentalServices } from '../../../shared/transport/otpVerified';

/** OTPVerified's rental services with their price, for the Service dropdown. */
export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const services = await getRentalServices.call(this);
	return services
		.map((service) => ({
			name: service.serviceName || service.serviceId,
			value: service.serviceId,
			description: typeof service.price === 'number' ? `From $${service.price.toFixed(2)}` : undefined,
		}))
		.sort(byName);
}
