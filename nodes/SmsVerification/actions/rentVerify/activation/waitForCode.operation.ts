import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../helpers/displayOptions';
import type { ActivationOutput } from '../../../helpers/output';
import { statusOutput } from '../../../helpers/output';
import type { Outcome } from '../../../helpers/waitLoop';
import { readWaitTiming, waitForItems } from '../../../helpers/waitLoop';
import { cancelActivation, getStatus } from '../../../transport/rentVerify';
import { activationId, onTimeout, waitFields } from '../../common.descriptions';
import { readActivationId } from './getStatus.operation';

const properties: INodeProperties[] = [
	activationId,
	...waitFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Cancel on Timeout',
				name: 'cancelOnTimeout',
				type: 'boolean',
				default: true,
				description:
					'Whether to cancel the activation when no SMS arrives in time, which refunds its cost minus the provider\'s fee ($0.10 at RentVerify)',
			},
			onTimeout,
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { provider: ['rentVerify'], resource: ['activation'], operation: ['waitForCode'] } },
	properties,
);

interface WaitSettings {
	id: string;
	intervalMs: number;
	timeoutMs: number;
	cancelOnTimeout: boolean;
	onTimeout: 'fail' | 'output';
}

function readSettings(this: IExecuteFunctions, itemIndex: number): WaitSettings {
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		cancelOnTimeout?: boolean;
		onTimeout?: 'fail' | 'output';
	};
	return {
		id: readActivationId.call(this, itemIndex),
		...readWaitTiming(this, itemIndex),
		cancelOnTimeout: options.cancelOnTimeout ?? true,
		onTimeout: options.onTimeout ?? 'fail',
	};
}

/** One poll: the code once it is here; an error if the activation ended without one. */
async function check(this: IExecuteFunctions, itemIndex: number, id: string): Promise<ActivationOutput | undefined> {
	const status = await getStatus.call(this, id, itemIndex);
	if (status.status === 'received') return statusOutput(id, status);
	if (status.status === 'cancelled') {
		throw new NodeOperationError(this.getNode(), `Activation ${id} was cancelled or expired before an SMS arrived`, {
			description: 'It was cancelled elsewhere (or by the provider) or its time ran out. Buy a new number to try again.',
			itemIndex,
		});
	}
	// waiting, waitingResend, and waitingRetry (its code is the old one, not a new code): keep waiting.
	return undefined;
}

async function timedOut(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: WaitSettings,
): Promise<ActivationOutput> {
	const seconds = settings.timeoutMs / 1000;
	let cancelled = false;
	if (settings.cancelOnTimeout) {
		try {
			await cancelActivation.call(this, settings.id, itemIndex);
			cancelled = true;
		} catch (error) {
			// The SMS may have arrived between the last poll and the cancel: then the code wins.
			const late = await check.call(this, itemIndex, settings.id).catch(() => undefined);
			if (late) return late;
			throw new NodeOperationError(
				this.getNode(),
				`No SMS arrived for activation ${settings.id} within ${seconds} seconds, and cancelling it failed: ${(error as Error).message}`,
				{ description: 'Cancel it yourself (Cancel operation or your account page) to get the refund.', itemIndex },
			);
		}
	}
	if (settings.onTimeout === 'output') {
		return { ...statusOutput(settings.id, { status: cancelled ? 'cancelled' : 'waiting', code: null, codeDigits: null, word: '' }), timedOut: true, cancelled };
	}
	throw new NodeOperationError(
		this.getNode(),
		cancelled
			? `No SMS arrived for activation ${settings.id} within ${seconds} seconds, so it was cancelled and its cost refunded minus the provider's fee`
			: `No SMS arrived for activation ${settings.id} within ${seconds} seconds; the number was kept`,
		{
			description: cancelled
				? 'Buy a new number to try again, maybe in another country.'
				: 'Wait again, or cancel the activation to get a refund.',
			itemIndex,
		},
	);
}

/** Waits for all input items at once, polling each activation every interval. */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<Map<number, Outcome<ActivationOutput>>> {
	return await waitForItems(this, itemIndexes, (itemIndex, startedAt) => {
		const settings = readSettings.call(this, itemIndex);
		return {
			intervalMs: settings.intervalMs,
			waiter: {
				itemIndex,
				deadline: startedAt + settings.timeoutMs,
				check: async () => await check.call(this, itemIndex, settings.id),
				onTimeout: async () => await timedOut.call(this, itemIndex, settings),
			},
		};
	});
}
