import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import { getBalance } from '../../../../shared/transport/rentVerify';

// Get Balance takes no fields; the empty list keeps the operation shaped like the others.
export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getBalance'] } },
	[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const balance = await getBalance.call(this, itemIndex);
	return { provider: 'rentVerify', balance, currency: 'USD' };
}
