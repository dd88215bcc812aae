import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import { getCountries } from '../../../../shared/transport/rentVerify';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getCountries'] } },
	[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const countries = await getCountries.call(this, itemIndex);
	return countries.map((country) => ({ provider: 'rentVerify', id: country.id, name: country.name }));
}
