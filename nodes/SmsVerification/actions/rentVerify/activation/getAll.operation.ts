import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../helpers/displayOptions';
import type { ActivationOutput } from '../../../helpers/output';
import { activationFromList } from '../../../helpers/output';
import { getActiveActivations } from '../../../transport/rentVerify';

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
	{ show: { provider: ['rentVerify'], resource: ['activation'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ActivationOutput[]> {
	const activations = (await getActiveActivations.call(this, itemIndex)).map(activationFromList);
	if (this.getNodeParameter('returnAll', itemIndex, false)) return activations;
	return activations.slice(0, Number(this.getNodeParameter('limit', itemIndex, 50)));
}
