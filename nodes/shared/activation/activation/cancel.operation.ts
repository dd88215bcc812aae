import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import { forEachItem } from '../../router';
import type { ActivationServer } from '../../transport/activationServers';
import type { ActiveActivation } from '../../transport/rentVerifyAnswers';
import { cancelActivation, connect, getActiveActivations } from '../../transport/smsActivate';
import type { Outcome } from '../../waitLoop';
import { activationId, readActivationId } from '../common.descriptions';
import { sharedReads } from '../sharedReads';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['activation'], operation: ['cancel'] } },
	[activationId],
);

/**
 * Cancels each item's activation, one after another (each cancel is sent once). The costs come from one
 * read of the active list, made by the first item before its cancel, while every activation is still
 * listed: the refund is the cost minus the server's cancellation fee.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	server: ActivationServer,
): Promise<Map<number, Outcome<IDataObject>>> {
	const activeList = sharedReads(this, server, async (itemIndex): Promise<ActiveActivation[]> => {
		const connection = await connect.call(this, server, itemIndex);
		return connection.documents('getActiveActivations') ? await getActiveActivations.call(this, server, itemIndex) : [];
	});
	return await forEachItem(this, itemIndexes, async (itemIndex) => {
		const { provider, cancelFee } = await connect.call(this, server, itemIndex);
		const id = readActivationId.call(this, itemIndex);
		const listed = (await activeList(itemIndex)).find((activation) => activation.activationId === id);
		await cancelActivation.call(this, server, id, itemIndex);
		const cost = listed?.cost ?? null;
		return {
			provider,
			id,
			cancelled: true,
			status: 'cancelled',
			cost,
			refund: cost === null ? null : Math.max(0, Math.round((cost - cancelFee) * 100) / 100),
			raw: { answer: 'ACCESS_CANCEL' },
		};
	});
}
