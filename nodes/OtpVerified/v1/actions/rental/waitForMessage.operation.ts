import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import { messageOutput } from '../../../../shared/output';
import { checkBoolean, checkOption, checkText } from '../../../../shared/parameters';
import type { Outcome, WaitReport, Waiter } from '../../../../shared/waitLoop';
import { readWaitTiming, waitForItems } from '../../../../shared/waitLoop';
import { getRentalMessages } from '../../../../shared/transport/otpVerified';
import type { RentalMessage } from '../../../../shared/transport/otpVerifiedAnswers';
import { onTimeout, waitFields } from '../../../../shared/descriptions';
import { orderId, readOrderId } from '../common.descriptions';

const properties: INodeProperties[] = [
	orderId,
	...waitFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Existing Messages',
				name: 'includeExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether a message that is already there when the wait starts counts. Off: only a new message ends the wait.',
			},
			onTimeout,
			{
				displayName: 'Sender Contains',
				name: 'senderContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. 22000',
				description: 'Only a message whose sender contains this text (not case-sensitive)',
			},
			{
				displayName: 'Text Contains',
				name: 'textContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. Google',
				description: 'Only a message whose text contains this (not case-sensitive)',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['rental'], operation: ['waitForMessage'] } },
	properties,
);

interface WaitSettings {
	id: string;
	intervalMs: number;
	timeoutMs: number;
	includeExisting: boolean;
	onTimeout: 'fail' | 'output';
	senderContains: string;
	textContains: string;
}

function readSettings(this: IExecuteFunctions, itemIndex: number): WaitSettings {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		id: readOrderId.call(this, itemIndex),
		...readWaitTiming(this, itemIndex),
		includeExisting: checkBoolean(this, itemIndex, options.includeExisting ?? false, { displayName: 'Include Existing Messages' }),
		onTimeout: checkOption(this, itemIndex, options.onTimeout ?? 'fail', { displayName: 'On Timeout', values: ['fail', 'output'] as const }),
		senderContains: checkText(this, itemIndex, options.senderContains, { displayName: 'Sender Contains' }).toLowerCase(),
		textContains: checkText(this, itemIndex, options.textContains, { displayName: 'Text Contains' }).toLowerCase(),
	};
}

function matches(message: RentalMessage, settings: WaitSettings): boolean {
	return (
		message.sender.toLowerCase().includes(settings.senderContains) &&
		message.text.toLowerCase().includes(settings.textContains)
	);
}

/** A waiter that ignores the messages present at its first poll, unless told to include them. */
function waiterFor(this: IExecuteFunctions, itemIndex: number, settings: WaitSettings, deadline: number): Waiter<IDataObject> {
	let seenAtStart: Set<string> | undefined = settings.includeExisting ? new Set() : undefined;
	const waiter: Waiter<IDataObject> = {
		itemIndex,
		deadline,
		subject: `order ${settings.id}`,
		check: async () => {
			const messages = await getRentalMessages.call(this, settings.id, itemIndex);
			if (!seenAtStart) {
				seenAtStart = new Set(messages.map((message) => message.messageId));
				return undefined;
			}
			const known = seenAtStart;
			const found = messages.find((message) => !known.has(message.messageId) && matches(message, settings));
			return found ? messageOutput(found, settings.id) : undefined;
		},
		onTimeout: async () => {
			const seconds = settings.timeoutMs / 1000;
			if (settings.onTimeout === 'output') {
				return { provider: 'otpVerified', id: settings.id, timedOut: true, code: null, codeAsSent: null };
			}
			throw new NodeOperationError(this.getNode(), `No matching message arrived for order ${settings.id} within ${seconds} seconds`, {
				description: 'The rental is kept. Wait again, or check the sender and text filters.',
				itemIndex,
			});
		},
		// Another item failed (Continue On Fail off): one last look, so a message that just came is named in the error.
		onStop: async () => {
			const found = seenAtStart ? await waiter.check().catch(() => undefined) : undefined;
			return found ? { value: found } : { note: 'no matching message yet; the rental is kept: wait again, or read it with Get Messages' };
		},
	};
	return waiter;
}

/** How Wait for a Message names an item's result in the error of a stopped run. */
export const report: WaitReport<IDataObject> = {
	operation: 'Wait for a Message',
	describe: (value) =>
		value.timedOut === true
			? 'timed out without a message, the rental kept'
			: `message ${String(value.messageId)} from ${String(value.sender)}: code ${String(value.code)}`,
	hasCode: (value) => value.timedOut !== true,
};

/** Waits for all input items at once, polling each rental every interval. */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<Map<number, Outcome<IDataObject>>> {
	return await waitForItems(this, itemIndexes, (itemIndex, startedAt) => {
		const settings = readSettings.call(this, itemIndex);
		return {
			intervalMs: settings.intervalMs,
			waiter: waiterFor.call(this, itemIndex, settings, startedAt + settings.timeoutMs),
		};
	}, report);
}
