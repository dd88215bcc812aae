import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../helpers/displayOptions';
import { getCountries } from '../../../transport/rentVerify';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { provider: ['rentVerify'], resource: ['catalog'], operation: ['getCountries'] } },
	[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const countries = await getCountries.call(this, itemIndex);
	return countries.map((country) => ({ provider: 'rentVerify', id: country.id, name: country.name }));
}
