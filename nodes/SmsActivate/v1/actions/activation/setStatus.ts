/**
 * The three setStatus operations of the protocol family (1 number ready, 3 another SMS, 6 finish),
 * made by one factory: they differ only in the status they send.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { activationId, readActivationId } from '../../../../shared/activation/common.descriptions';
import { updateDisplayOptions } from '../../../../shared/displayOptions';
import type { ActivationServer } from '../../../../shared/transport/activationServers';
import { providerOf, setActivationStatus } from '../../../../shared/transport/smsActivate';

/** The activation's status after each setStatus, in the words Get Status uses. */
const STATUS_AFTER = { 1: 'waiting', 3: 'waitingRetry', 6: 'finished' } as const;

export function statusOperation(operation: string, status: 1 | 3 | 6) {
	const description: INodeProperties[] = updateDisplayOptions(
		{ show: { resource: ['activation'], operation: [operation] } },
		[activationId],
	);
	async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<IDataObject> {
		const id = readActivationId.call(this, itemIndex);
		const result = await setActivationStatus.call(this, server, id, status, itemIndex);
		return {
			provider: await providerOf.call(this, server, itemIndex),
			id,
			status: STATUS_AFTER[status],
			raw: { answer: result.word },
		};
	}
	return { description, execute };
}
