import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getCountries } from '../transport/rentVerify';

/** RentVerify's countries, for the Country dropdown. */
export async function getRentVerifyCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const countries = await getCountries.call(this);
	return countries
		.map((country) => ({ name: country.name, value: country.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
