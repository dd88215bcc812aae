/**
 * The dropdown loaders of every sms-activate protocol node, made for the node's server: the same
 * loaders serve RentVerify and the protocol family's node, each through its own credential.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { searchChoices } from '../loaders';
import type { ActivationServer } from '../transport/activationServers';
import { getActiveActivations, getCountries, getServices } from '../transport/smsActivate';

export function activationMethods(server: ActivationServer) {
	return {
		listSearch: {
			/** The server's countries, for the Country list. */
			async searchCountries(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				const countries = await getCountries.call(this, server);
				return searchChoices(
					countries.map((country) => ({ name: country.name, value: country.id })),
					filter,
				);
			},

			/** The server's services in the chosen country, for the Service list. */
			async searchServices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				const country = chosenCountry.call(this);
				const services = await getServices.call(this, server, country);
				return searchChoices(
					services.map((service) => ({ name: `${service.name} (${service.code})`, value: service.code })),
					filter,
				);
			},

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

/**
 * The Country the Service list is for. Services depend on it, so until one is chosen, or while it is
 * an expression (known only when the workflow runs), the list says so instead of listing nothing.
 */
function chosenCountry(this: ILoadOptionsFunctions): string {
	const raw = this.getCurrentNodeParameter('country', { extractValue: true });
	const country = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (country.startsWith('=')) {
		throw new NodeOperationError(
			this.getNode(),
			'Services are listed for a fixed country; the Country is an expression. Type the service code instead (By Code).',
		);
	}
	if (!country) throw new NodeOperationError(this.getNode(), 'Choose a Country first: the services depend on it.');
	return country;
}
