import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import type { ActivationOutput } from '../../../../shared/output';
import { statusOutput } from '../../../../shared/output';
import { getStatus } from '../../../../shared/transport/rentVerify';
import { activationId, readActivationId } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['activation'], operation: ['getStatus'] } },
	[activationId],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ActivationOutput> {
	const id = readActivationId.call(this, itemIndex);
	return statusOutput(id, await getStatus.call(this, id, itemIndex));
}
