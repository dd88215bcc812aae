import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../helpers/displayOptions';
import type { ActivationOutput } from '../../../helpers/output';
import { statusOutput } from '../../../helpers/output';
import { getStatus } from '../../../transport/rentVerify';
import { activationId } from '../../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { provider: ['rentVerify'], resource: ['activation'], operation: ['getStatus'] } },
	[activationId],
);

export function readActivationId(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(this.getNodeParameter('activationId', itemIndex, '', { extractValue: true })).trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), 'No activation ID was given', {
			description: "Pick an activation from the list, or map the `id` that Buy Number returned, e.g. {{ $('Buy Number').item.json.id }}.",
			itemIndex,
		});
	}
	return id;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ActivationOutput> {
	const id = readActivationId.call(this, itemIndex);
	return statusOutput(id, await getStatus.call(this, id, itemIndex));
}
