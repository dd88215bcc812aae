import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import type { ActivationServer } from '../../transport/activationServers';
import type { ActivationOutput } from '../../output';
import { statusOutput } from '../../output';
import { getStatus, providerOf } from '../../transport/smsActivate';
import { activationId, readActivationId } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['activation'], operation: ['getStatus'] } },
	[activationId],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<ActivationOutput> {
	const id = readActivationId.call(this, itemIndex);
	const status = await getStatus.call(this, server, id, itemIndex);
	return statusOutput(await providerOf.call(this, server, itemIndex), id, status);
}
