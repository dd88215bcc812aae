import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import { releaseRental } from '../../../../shared/transport/otpVerified';
import { orderId, readOrderId } from '../common.descriptions';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['rental'], operation: ['release'] } },
	[orderId],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readOrderId.call(this, itemIndex);
	const { message } = await releaseRental.call(this, id, itemIndex);
	return { provider: 'otpVerified', id, released: true, status: 'released', message };
}
