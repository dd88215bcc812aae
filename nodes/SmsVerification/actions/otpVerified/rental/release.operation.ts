import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../helpers/displayOptions';
import { releaseRental } from '../../../transport/otpVerified';
import { orderId } from '../../common.descriptions';
import { readOrderId } from './getMessages.operation';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { provider: ['otpVerified'], resource: ['rental'], operation: ['release'] } },
	[orderId],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readOrderId.call(this, itemIndex);
	const { message } = await releaseRental.call(this, id, itemIndex);
	return { provider: 'otpVerified', id, released: true, status: 'released', message };
}
