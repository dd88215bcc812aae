import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../helpers/displayOptions';
import { getServices } from '../../../transport/rentVerify';
import { rentVerifyCountry } from '../../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { provider: ['rentVerify'], resource: ['catalog'], operation: ['getServices'] } },
	[rentVerifyCountry],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const country = String(this.getNodeParameter('country', itemIndex)).trim();
	const services = await getServices.call(this, country, itemIndex);
	return services.map((service) => ({ provider: 'rentVerify', country, code: service.code, name: service.name }));
}
