import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import type { ActivationOutput } from '../../../../shared/output';
import { activationFromList } from '../../../../shared/output';
import { getActiveActivations } from '../../../../shared/transport/rentVerify';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ActivationOutput[]> {
	const activations = (await getActiveActivations.call(this, itemIndex)).map(activationFromList);
	if (this.getNodeParameter('returnAll', itemIndex, false)) return activations;
	return activations.slice(0, Number(this.getNodeParameter('limit', itemIndex, 50)));
}
