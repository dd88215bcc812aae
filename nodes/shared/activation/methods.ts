/**
 * The list searches (Country, Service, Activation) of every sms-activate protocol node, made for the node's server: the same
 * loaders serve RentVerify and the protocol family's node, each through its own credential.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { searchChoices } from '../loaders';
import type { ActivationServer } from '../transport/activationServers';
import { connect, getActiveActivations, getCountries, getPrices, getServices } from '../transport/smsActivate';

export function activationMethods(server: ActivationServer) {
	return {
		listSearch: {
			/** The server's countries, for the Country list. */
			async searchCountries(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				const connection = await connect.call(this, server);
				if (!connection.documents('getCountries')) {
					throw new NodeOperationError(
						this.getNode(),
						`${connection.name} does not publish a list of its countries. Type the country's code instead (By Code), as ${connection.name} documents it.`,
					);
				}
				const countries = await getCountries.call(this, server);
				return searchChoices(
					countries.map((country) => ({ name: country.name, value: country.id })),
					filter,
				);
			},

			/**
			 * The server's services in the chosen country, for the Service list: from getServices where the
			 * server has it (RentVerify), else from the country's entries of its price table (the family has
			 * no getServices; its prices name each service by code, with price and stock).
			 */
			async searchServices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				const country = chosenCountry.call(this);
				const connection = await connect.call(this, server);
				if (connection.documents('getServices')) {
					const services = await getServices.call(this, server, country);
					return searchChoices(
						services.map((service) => ({ name: `${service.name} (${service.code})`, value: service.code })),
						filter,
					);
				}
				if (!connection.documents('getPrices')) {
					throw new NodeOperationError(
						this.getNode(),
						`${connection.name} does not publish its services or prices. Type the service's code instead (By Code), e.g. tg for Telegram.`,
					);
				}
				const offers = (await getPrices.call(this, server)).filter((offer) => offer.country === country);
				return searchChoices(
					offers.map((offer) => ({
						name: `${offer.service}${offer.price === null ? '' : ` · $${offer.price}`}${offer.available === null ? '' : ` · ${offer.available} available`}`,
						value: offer.service,
					})),
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
