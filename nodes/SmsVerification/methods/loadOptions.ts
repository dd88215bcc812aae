import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getRentalServices } from '../transport/otpVerified';
import { getCountries, getServices } from '../transport/rentVerify';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** RentVerify's countries, for the Country dropdown. */
export async function getRentVerifyCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const countries = await getCountries.call(this);
	return countries.map((country) => ({ name: country.name, value: country.id })).sort(byName);
}

/** RentVerify's services in the chosen country, for the Service dropdown. */
export async function getRentVerifyServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const country = String(this.getCurrentNodeParameter('country') ?? '').trim();
	// Services depend on the country: until one is chosen there is nothing to list.
	if (!country || country.startsWith('=')) return [];
	const services = await getServices.call(this, country);
	return services
		.map((service) => ({ name: `${service.name} (${service.code})`, value: service.code }))
		.sort(byName);
}

/** OTPVerified's rental services with their price, for the Service dropdown. */
export async function getOtpVerifiedServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const services = await getRentalServices.call(this);
	return services
		.map((service) => ({
			name: service.serviceName || service.serviceId,
			value: service.serviceId,
			description: typeof service.price === 'number' ? `From $${service.price.toFixed(2)}` : undefined,
		}))
		.sort(byName);
}
