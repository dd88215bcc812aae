import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import type { ActivationServer } from '../../transport/activationServers';
import { providerWord } from '../../transport/providerError';
import { getServices, providerOf } from '../../transport/smsActivate';
import { countryField, readCountry } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getServices'] } },
	[countryField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<IDataObject[]> {
	const provider = await providerOf.call(this, server, itemIndex);
	const country = readCountry.call(this, itemIndex);
	const services = await getServices.call(this, server, country, itemIndex).catch((error: unknown) => {
		// The generic refusal: the only parameter this call sends is the country.
		if (providerWord(error) === 'BAD_ACTION') {
			const refused = error as Error;
			refused.message = refused.message.replace(' rejected the request', ` does not know Country "${country}": it rejected the request`);
		}
		throw error;
	});
	return services.map((service) => ({ provider, country, code: service.code, name: service.name }));
}
