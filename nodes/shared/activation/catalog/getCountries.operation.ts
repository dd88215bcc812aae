import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import type { ActivationServer } from '../../transport/activationServers';
import { getCountries, providerOf } from '../../transport/smsActivate';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getCountries'] } },
	[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<IDataObject[]> {
	const provider = await providerOf.call(this, server, itemIndex);
	const countries = await getCountries.call(this, server, itemIndex);
	return countries.map((country) => ({ provider, id: country.id, name: country.name }));
}
