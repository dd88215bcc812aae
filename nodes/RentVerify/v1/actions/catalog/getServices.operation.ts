import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import { getServices } from '../../../../shared/transport/rentVerify';
import { countryField } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getServices'] } },
	[countryField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const country = String(this.getNodeParameter('country', itemIndex)).trim();
	const services = await getServices.call(this, country, itemIndex);
	return services.map((service) => ({ provider: 'rentVerify', country, code: service.code, name: service.name }));
}
