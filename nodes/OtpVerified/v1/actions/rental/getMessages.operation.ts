import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import { messageOutput } from '../../../../shared/output';
import { checkText } from '../../../../shared/parameters';
import { getRentalMessages } from '../../../../shared/transport/otpVerified';
import type { RentalMessage } from '../../../../shared/transport/otpVerifiedAnswers';
import { orderId, readOrderId } from '../common.descriptions';

const properties: INodeProperties[] = [
	orderId,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Only Messages After Time',
				name: 'afterTime',
				type: 'dateTime',
				default: '',
				description: 'Leave out messages received at or before this time',
			},
			{
				displayName: 'Only Messages After Message ID',
				name: 'afterMessageId',
				type: 'string',
				default: '',
				description: 'Leave out this message and every message before it',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['rental'], operation: ['getMessages'] } },
	properties,
);

/** Messages after a time (exclusive) and after a message ID (the provider lists oldest first). */
export function messagesAfter(
	messages: RentalMessage[],
	after: { time?: number; messageId?: string },
): RentalMessage[] {
	let kept = messages;
	if (after.messageId) {
		const position = kept.findIndex((message) => message.messageId === after.messageId);
		kept = position === -1 ? kept : kept.slice(position + 1);
	}
	if (after.time !== undefined) {
		const time = after.time;
		kept = kept.filter((message) => message.receivedAt !== null && Date.parse(message.receivedAt) > time);
	}
	return kept;
}

/** A time from an expression may be a Date or a Luxon DateTime ({{ $now }}): as ISO text, like the field's own value. */
function asTimeText(value: unknown): unknown {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
	const toISO = (value as { toISO?: unknown } | null)?.toISO;
	if (typeof toISO === 'function') return String(toISO.call(value));
	return value;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readOrderId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const afterTime = checkText(this, itemIndex, asTimeText(options.afterTime), { displayName: 'Only Messages After Time' });
	const afterMessageId = checkText(this, itemIndex, options.afterMessageId, { displayName: 'Only Messages After Message ID' });
	let time: number | undefined;
	if (afterTime) {
		time = Date.parse(afterTime);
		if (Number.isNaN(time)) {
			throw new NodeOperationError(this.getNode(), `Only Messages After Time must be a time, not "${afterTime}"`, {
				description: 'Use an ISO-8601 time, e.g. 2025-07-11T17:50:49Z.',
				itemIndex,
			});
		}
	}
	const messages = await getRentalMessages.call(this, id, itemIndex);
	return messagesAfter(messages, { time, messageId: afterMessageId || undefined }).map((message) => messageOutput(message, id));
}
