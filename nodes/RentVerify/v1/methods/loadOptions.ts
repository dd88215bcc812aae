import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../../shared/loaders';
import { getCountries as listCountries, getServices as listServices } from '../../../shared/transport/rentVerify';

/** RentVerify's countries, for the Country dropdown. */
export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const countries = await listCountries.call(this);
	return countries.map((country) => ({ name: country.name, value: country.id })).sort(byName);
}

/** RentVerify's services in the chosen country, for the Service dropdown. */
export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const country = String(this.getCurrentNodeParameter('country') ?? '').trim();
	// Services depend on the country: until one is chosen (or while it is an expression) there is nothing to list.
	if (!country || country.startsWith('=')) return [];
	const services = await listServices.call(this, country);
	return services
		.map((service) => ({ name: `${service.name} (${service.code})`, value: service.code }))
		.sort(byName);
}
