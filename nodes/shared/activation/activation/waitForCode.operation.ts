import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../displayOptions';
import { checkBoolean, checkOption } from '../../parameters';
import type { ActivationServer } from '../../transport/activationServers';
import type { ActivationOutput } from '../../output';
import type { Outcome, Stopped, WaitReport } from '../../waitLoop';
import { readWaitTiming, waitForItems } from '../../waitLoop';
import { activationFromList, statusOutput } from '../../output';
import { cancelActivation, getActiveActivations, getStatus, providerOf } from '../../transport/smsActivate';
import { onTimeout, waitFields } from '../../descriptions';
import { activationId, readActivationId } from '../common.descriptions';

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
	{ show: { resource: ['activation'], operation: ['waitForCode'] } },
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
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		id: readActivationId.call(this, itemIndex),
		...readWaitTiming(this, itemIndex),
		cancelOnTimeout: checkBoolean(this, itemIndex, options.cancelOnTimeout ?? true, { displayName: 'Cancel on Timeout' }),
		onTimeout: checkOption(this, itemIndex, options.onTimeout ?? 'fail', { displayName: 'On Timeout', values: ['fail', 'output'] as const }),
	};
}

/** One poll: the code once it is here; an error if the activation ended without one. */
async function check(
	this: IExecuteFunctions,
	server: ActivationServer,
	provider: string,
	itemIndex: number,
	id: string,
): Promise<ActivationOutput | undefined> {
	const status = await getStatus.call(this, server, id, itemIndex);
	if (status.status === 'received') return statusOutput(provider, id, status);
	if (status.status === 'cancelled') {
		throw new NodeOperationError(this.getNode(), `Activation ${id} was cancelled or expired before an SMS arrived`, {
			description: 'It was cancelled elsewhere (or by the provider) or its time ran out. Buy a new number to try again.',
			itemIndex,
		});
	}
	// waiting, waitingResend, and waitingRetry (its code is the old one, not a new code): keep waiting.
	return undefined;
}

/** How a wait that got no code ended: cancelled, kept, a code that came meanwhile, or a cancel that failed. */
type Ending = { late: ActivationOutput } | { cancelled: boolean; cancelError?: Error };

/**
 * Ends a wait that got no code: cancels the activation when Cancel on Timeout is on. The SMS may have
 * arrived between the last poll and the cancel (the cancel is then refused): the code wins.
 * `lastLook` reads the status once more when the activation is kept, so a code that just came is not missed.
 */
async function endWithoutCode(
	this: IExecuteFunctions,
	server: ActivationServer,
	provider: string,
	itemIndex: number,
	settings: WaitSettings,
	lastLook: boolean,
): Promise<Ending> {
	if (!settings.cancelOnTimeout) {
		const late = lastLook ? await check.call(this, server, provider, itemIndex, settings.id).catch(() => undefined) : undefined;
		return late ? { late } : { cancelled: false };
	}
	try {
		await cancelActivation.call(this, server, settings.id, itemIndex);
		return { cancelled: true };
	} catch (error) {
		const late = await check.call(this, server, provider, itemIndex, settings.id).catch(() => undefined);
		return late ? { late } : { cancelled: false, cancelError: error as Error };
	}
}

async function timedOut(
	this: IExecuteFunctions,
	server: ActivationServer,
	provider: string,
	itemIndex: number,
	settings: WaitSettings,
): Promise<ActivationOutput> {
	const seconds = settings.timeoutMs / 1000;
	const ending = await endWithoutCode.call(this, server, provider, itemIndex, settings, false);
	if ('late' in ending) return ending.late;
	const { cancelled, cancelError } = ending;
	if (cancelError) {
		throw new NodeOperationError(
			this.getNode(),
			`No SMS arrived for activation ${settings.id} within ${seconds} seconds, and cancelling it failed: ${cancelError.message}`,
			{ description: 'Cancel it yourself (Cancel operation or your account page) to get the refund.', itemIndex },
		);
	}
	if (settings.onTimeout === 'output') {
		return { ...statusOutput(provider, settings.id, { status: cancelled ? 'cancelled' : 'waiting', code: null, codeDigits: null, word: '' }), timedOut: true, cancelled };
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

/** Another item failed (Continue On Fail off): this wait ends as its timeout would, and says how. */
async function stoppedEarly(
	this: IExecuteFunctions,
	server: ActivationServer,
	provider: string,
	itemIndex: number,
	settings: WaitSettings,
): Promise<Stopped<ActivationOutput>> {
	const ending = await endWithoutCode.call(this, server, provider, itemIndex, settings, true);
	if ('late' in ending) return { value: ending.late };
	if (ending.cancelError) {
		return {
			note: `no code; cancelling it failed (${ending.cancelError.message}): cancel it yourself (Cancel operation or your account page) to get the refund`,
		};
	}
	return {
		note: ending.cancelled
			? "no code; cancelled, its cost refunded minus the provider's fee"
			: 'no code yet; kept (Cancel on Timeout is off): wait for it again, or cancel it for a refund',
	};
}

/** How Wait for Code names an item's result in the error of a stopped run. */
export const report: WaitReport<ActivationOutput> = {
	operation: 'Wait for Code',
	describe: (value) => {
		if (value.timedOut === true) return `timed out without a code, ${value.cancelled === true ? 'cancelled' : 'kept'}`;
		const asSent = value.codeAsSent !== null && value.codeAsSent !== value.code ? ` (sent as ${value.codeAsSent})` : '';
		return `code ${String(value.code)}${asSent}`;
	},
	hasCode: (value) => value.code !== null && value.timedOut !== true,
};

/** What Wait for Code adds to a code from what is known of the number. */
const DETAIL_FIELDS = ['phoneNumber', 'service', 'country', 'cost', 'expiresAt'] as const;
type Details = Partial<Pick<ActivationOutput, (typeof DETAIL_FIELDS)[number]>>;

/** The details Buy a Number put in the input item, when that item is this activation's. */
function detailsFromInput(json: IDataObject, id: string): Details {
	const details: IDataObject = {};
	if (String(json.id ?? '') !== id) return details;
	for (const field of DETAIL_FIELDS) {
		if (json[field] !== undefined && json[field] !== null) details[field] = json[field];
	}
	return details as Details;
}

const isComplete = (details: Details) => DETAIL_FIELDS.every((field) => details[field] != null);

/**
 * The whole number with its code: details from the input item first, and what is missing from the
 * active list, read at most once per execution for all items. Only a read, and best effort: the code is
 * here already, so a failed read leaves those fields null rather than failing the item.
 */
function detailsReader(this: IExecuteFunctions, server: ActivationServer, provider: string) {
	let listed: Promise<Map<string, Details>> | undefined;
	const readList = async (itemIndex: number) => {
		try {
			const activations = await getActiveActivations.call(this, server, itemIndex);
			return new Map(activations.map((activation) => [activation.activationId, activationFromList(provider, activation)]));
		} catch (error) {
			this.logger.warn(`Could not read the active activations for their details: ${(error as Error).message}`);
			return new Map<string, Details>();
		}
	};
	return async (itemIndex: number, id: string, output: ActivationOutput): Promise<ActivationOutput> => {
		const fromInput = detailsFromInput(this.getInputData()[itemIndex]?.json ?? {}, id);
		let details: Details = fromInput;
		if (!isComplete(fromInput)) {
			listed ??= readList(itemIndex);
			const fromList = (await listed).get(id) ?? {};
			details = { ...fromList, ...fromInput };
		}
		const known: Details = {};
		for (const field of DETAIL_FIELDS) {
			if (details[field] != null) Object.assign(known, { [field]: details[field] });
		}
		return { ...output, ...known };
	};
}

/**
 * Waits for all input items at once, polling each activation every interval. Without Continue On Fail,
 * the first item that fails ends every other wait as its timeout would, and the node's error names every
 * activation with its code (waitLoop.ts, `waitForItems`).
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	server: ActivationServer,
): Promise<Map<number, Outcome<ActivationOutput>>> {
	// Read once for all items: which server the credential points at (the items' `provider`).
	const provider = itemIndexes.length > 0 ? await providerOf.call(this, server, itemIndexes[0]) : '';
	const withDetails = detailsReader.call(this, server, provider);
	return await waitForItems(this, itemIndexes, (itemIndex, startedAt) => {
		const settings = readSettings.call(this, itemIndex);
		const complete = async (output: ActivationOutput | undefined) =>
			output && (await withDetails(itemIndex, settings.id, output));
		return {
			intervalMs: settings.intervalMs,
			waiter: {
				itemIndex,
				deadline: startedAt + settings.timeoutMs,
				subject: `activation ${settings.id}`,
				check: async () => await complete(await check.call(this, server, provider, itemIndex, settings.id)),
				onTimeout: async () => (await complete(await timedOut.call(this, server, provider, itemIndex, settings))) as ActivationOutput,
				onStop: async () => {
					const stopped = await stoppedEarly.call(this, server, provider, itemIndex, settings);
					return stopped.value ? { value: (await complete(stopped.value)) as ActivationOutput } : stopped;
				},
			},
		};
	}, report);
}
