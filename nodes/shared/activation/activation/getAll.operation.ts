import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import { checkBoolean, checkNumber } from '../../parameters';
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
	// Checked before the request: a wrong Limit fails at once.
	const returnAll = checkBoolean(this, itemIndex, this.getNodeParameter('returnAll', itemIndex, false), { displayName: 'Return All' });
	const limit = returnAll
		? undefined
		: checkNumber(this, itemIndex, this.getNodeParameter('limit', itemIndex, 50), { displayName: 'Limit', min: 1, integer: true });
	const provider = await providerOf.call(this, server, itemIndex);
	const activations = (await getActiveActivations.call(this, server, itemIndex)).map((activation) =>
		activationFromList(provider, activation),
	);
	return activations.slice(0, limit ?? activations.length);
}
