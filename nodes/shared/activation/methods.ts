/**
 * The dropdown loaders of every sms-activate protocol node, made for the node's server: the same
 * loaders serve RentVerify and the protocol family's node, each through its own credential.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../loaders';
import type { ActivationServer } from '../transport/activationServers';
import { getActiveActivations, getCountries, getServices } from '../transport/smsActivate';

export function activationMethods(server: ActivationServer) {
	return {
		loadOptions: {
			/** The server's countries, for the Country dropdown. */
			async getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const countries = await getCountries.call(this, server);
				return countries.map((country) => ({ name: country.name, value: country.id })).sort(byName);
			},

			/** The server's services in the chosen country, for the Service dropdown. */
			async getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const country = String(this.getCurrentNodeParameter('country') ?? '').trim();
				// Services depend on the country: until one is chosen (or while it is an expression) there is nothing to list.
				if (!country || country.startsWith('=')) return [];
				const services = await getServices.call(this, server, country);
				return services
					.map((service) => ({ name: `${service.name} (${service.code})`, value: service.code }))
					.sort(byName);
			},
		},
		listSearch: {
			/** The account's active activations, searchable by phone number, service or ID. */
			async searchActivations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				const needle = (filter ?? '').trim().toLowerCase();
				const activations = await getActiveActivations.call(this, server);
				const results = activations
					.map((activation) => ({
						name: `${activation.phoneNumber ?? '?'} · ${activation.service} · ${activation.country} (${activation.activationId})`,
						value: activation.activationId,
					}))
					.filter((result) => needle === '' || result.name.toLowerCase().includes(needle));
				return { results };
			},
		},
	};
}
