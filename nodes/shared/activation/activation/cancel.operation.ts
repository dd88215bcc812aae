import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import type { ActivationServer } from '../../transport/activationServers';
import { cancelActivation, getActiveActivations, providerOf } from '../../transport/smsActivate';
import { activationId, readActivationId } from '../common.descriptions';

/** RentVerify's documented cancellation fee (USD). */
const CANCEL_FEE = 0.1;

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['activation'], operation: ['cancel'] } },
	[activationId],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<IDataObject> {
	const provider = await providerOf.call(this, server, itemIndex);
	const id = readActivationId.call(this, itemIndex);
	// The cost is read before cancelling, while the activation is still listed: the refund is cost minus the fee.
	const listed = (await getActiveActivations.call(this, server, itemIndex)).find((activation) => activation.activationId === id);
	await cancelActivation.call(this, server, id, itemIndex);
	const cost = listed?.cost ?? null;
	return {
		provider,
		id,
		cancelled: true,
		status: 'cancelled',
		cost,
		refund: cost === null ? null : Math.max(0, Math.round((cost - CANCEL_FEE) * 100) / 100),
		raw: { answer: 'ACCESS_CANCEL' },
	};
}
