import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import type { ActivationServer } from '../../transport/activationServers';
import type { ActivationOutput } from '../../output';
import { activationFromList } from '../../output';
import { getActiveActivations, providerOf } from '../../transport/smsActivate';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['activation'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<ActivationOutput[]> {
	const provider = await providerOf.call(this, server, itemIndex);
	const activations = (await getActiveActivations.call(this, server, itemIndex)).map((activation) =>
		activationFromList(provider, activation),
	);
	if (this.getNodeParameter('returnAll', itemIndex, false)) return activations;
	return activations.slice(0, Number(this.getNodeParameter('limit', itemIndex, 50)));
}
