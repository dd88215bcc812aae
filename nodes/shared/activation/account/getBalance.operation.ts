import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import type { ActivationServer } from '../../transport/activationServers';
import { getBalance, providerOf } from '../../transport/smsActivate';

// Get Balance takes no fields; the empty list keeps the operation shaped like the others.
export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getBalance'] } },
	[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<IDataObject> {
	const provider = await providerOf.call(this, server, itemIndex);
	const balance = await getBalance.call(this, server, itemIndex);
	return { provider, balance, currency: 'USD' };
}
