import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import type { ActivationServer } from '../../transport/activationServers';

import { updateDisplayOptions } from '../../displayOptions';
import { asNodeError } from '../../errors';
import type { ActivationOutput } from '../../output';
import { activationOutput } from '../../output';
import { checkNumber, checkText } from '../../parameters';
import { providerWord } from '../../transport/providerError';
import { connect, getActiveActivations, getNumber, getPrices, providerOf } from '../../transport/smsActivate';
import type { ActiveActivation, Price, PurchasedNumber } from '../../transport/rentVerifyAnswers';
import { forEachItem } from '../../router';
import type { Outcome } from '../../waitLoop';
import { sharedReads } from '../sharedReads';
import { countryField, readCountry, readService, serviceField } from '../common.descriptions';

const properties: INodeProperties[] = [
	countryField,
	serviceField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Max Price',
				name: 'maxPrice',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 1,
				description:
					'Checks the current price first and refuses to buy above it, spending nothing. The checked offer is then bought at that price.',
			},
			{
				displayName: 'Price ID',
				name: 'priceId',
				type: 'string',
				default: '',
				description: 'A `priceId` from Get Prices, to buy that exact offer. Empty buys the cheapest.',
			},
			{
				displayName: 'Retry When No Numbers',
				name: 'retryWhenNoNumbers',
				type: 'fixedCollection',
				default: {},
				description:
					'Try again when the provider has no numbers. Safe: a NO_NUMBERS answer means nothing was bought.',
				options: [
					{
						displayName: 'Retry',
						name: 'retry',
						values: [
							{
								displayName: 'Attempts',
								name: 'attempts',
								type: 'number',
								typeOptions: { minValue: 2, maxValue: 100 },
								default: 3,
								description: 'How many times to try in all',
							},
							{
								displayName: 'Delay (Seconds)',
								name: 'delay',
								type: 'number',
								typeOptions: { minValue: 1 },
								default: 10,
								description: 'How long to wait between tries',
							},
						],
					},
				],
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['activation'], operation: ['buyNumber'] } },
	properties,
);

interface BuyOptions {
	maxPrice?: number;
	priceId?: string;
	retry: { attempts: number; delaySeconds: number };
}

/** Buy Number's options, checked before anything is sent: a Max Price that is not a price must not buy at any price. */
function readBuyOptions(context: IExecuteFunctions, itemIndex: number): BuyOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const maxPrice =
		options.maxPrice === undefined ? undefined : checkNumber(context, itemIndex, options.maxPrice, { displayName: 'Max Price', min: 0 });
	const priceId = checkText(context, itemIndex, options.priceId, { displayName: 'Price ID' }) || undefined;
	const retry = (options.retryWhenNoNumbers as IDataObject | undefined)?.retry as IDataObject | undefined;
	if (retry === undefined) return { maxPrice, priceId, retry: { attempts: 1, delaySeconds: 0 } };
	const attempts = checkNumber(context, itemIndex, retry.attempts ?? 3, {
		displayName: 'Retry When No Numbers → Attempts',
		min: 2,
		max: 100,
		integer: true,
	});
	const delaySeconds = checkNumber(context, itemIndex, retry.delay ?? 10, {
		displayName: 'Retry When No Numbers → Delay (Seconds)',
		min: 1,
		max: 3600,
	});
	return { maxPrice, priceId, retry: { attempts, delaySeconds } };
}

/**
 * The family's generic refusal of a purchase: one of the codes sent is not one the server knows. Nothing was
 * bought; the error names the fields the codes came from.
 */
function refusedCodes(error: unknown, order: { service: string; country: string; priceId?: string }): unknown {
	const refused = error as Error & { description?: string };
	const codes = `Service "${order.service}" in Country "${order.country}"${order.priceId ? ` at Price ID "${order.priceId}"` : ''}`;
	refused.message = refused.message.replace(' rejected the request', ` does not sell ${codes}: it rejected the request`);
	refused.description = `Nothing was bought. Pick Country and Service from the lists, or check their codes with Get Prices.${order.priceId ? ' A Price ID must come from Get Prices for that country and service.' : ''}`;
	return refused;
}

/** Checks Max Price against the current offer; returns the price ID that pins the checked price. */
async function checkMaxPrice(
	this: IExecuteFunctions,
	reads: Reads,
	itemIndex: number,
	order: { service: string; country: string; priceId?: string },
	maxPrice: number,
): Promise<{ priceId?: string; price: number }> {
	const prices = await reads.prices(itemIndex);
	const offers = prices.filter(
		(offer) =>
			offer.country === order.country &&
			offer.service === order.service &&
			(!order.priceId || offer.priceId === order.priceId),
	);
	const offer = offers.sort((a, b) => (a.price ?? Infinity) - (b.price ?? Infinity))[0];
	if (!offer || offer.price === null) {
		throw new NodeOperationError(
			this.getNode(),
			`${reads.name} lists no price for service "${order.service}" in country "${order.country}", so Max Price cannot be checked. Nothing was bought.`,
			{ description: 'Check the service and country with Get Prices.', itemIndex },
		);
	}
	if (offer.price > maxPrice) {
		throw new NodeOperationError(
			this.getNode(),
			`The current price ${offer.price} USD is above your Max Price of ${maxPrice} USD. Nothing was bought.`,
			{ description: 'Raise Max Price, pick another country, or try again later.', itemIndex },
		);
	}
	return { priceId: offer.priceId ?? order.priceId, price: offer.price };
}

/** The reads every item of one execution shares (sharedReads.ts). */
interface Reads {
	name: string;
	prices: (itemIndex: number) => Promise<Price[]>;
	activeList: (itemIndex: number) => Promise<ActiveActivation[]>;
}

async function buyOne(
	this: IExecuteFunctions,
	itemIndex: number,
	server: ActivationServer,
	reads: Reads,
): Promise<ActivationOutput> {
	const country = readCountry.call(this, itemIndex);
	const service = readService.call(this, itemIndex);
	const options = readBuyOptions(this, itemIndex);
	let order = { service, country, priceId: options.priceId };
	let cost: number | null = null;
	if (options.maxPrice !== undefined) {
		const checked = await checkMaxPrice.call(this, reads, itemIndex, order, options.maxPrice);
		order = { ...order, priceId: checked.priceId };
		cost = checked.price;
	}

	const { attempts, delaySeconds } = options.retry;
	let purchase: PurchasedNumber | undefined;
	for (let attempt = 1; !purchase; attempt++) {
		try {
			// Sent once per attempt: an attempt only follows a NO_NUMBERS answer, which bought nothing.
			purchase = await getNumber.call(this, server, order, itemIndex);
		} catch (error) {
			if (providerWord(error) === 'BAD_ACTION') throw refusedCodes(error, order);
			if (providerWord(error) !== 'NO_NUMBERS' || attempt >= attempts) throw asNodeError(this.getNode(), error, itemIndex);
			try {
				await sleep(delaySeconds * 1000, this.getExecutionCancelSignal());
			} catch {
				throw new NodeOperationError(this.getNode(), 'The execution was canceled before a number was bought', {
					itemIndex,
				});
			}
		}
	}

	return activationOutput(await providerOf.call(this, server, itemIndex), {
		id: purchase.activationId,
		phoneNumber: purchase.phoneNumber,
		service,
		country,
		status: 'waiting',
		// getNumberV2's answer says what the number cost; else the price Max Price checked.
		cost: purchase.cost ?? cost,
		expiresAt: purchase.expiresAt ?? null,
		raw: { answer: purchase.answer },
	});
}

/**
 * Buys one number per item, one item after another (a purchase is never sent in parallel or twice),
 * then adds the cost and expiry of every number bought from one read of the active list.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	server: ActivationServer,
): Promise<Map<number, Outcome<ActivationOutput>>> {
	// A credential that cannot be used fails each item on its own (Continue On Fail), not the whole run here.
	const connection = itemIndexes.length > 0 ? await connect.call(this, server, itemIndexes[0]).catch(() => undefined) : undefined;
	const reads: Reads = {
		name: connection?.name ?? server.productName,
		prices: sharedReads(this, server, async (itemIndex) => await getPrices.call(this, server, itemIndex)),
		activeList: sharedReads(this, server, async (itemIndex) => await getActiveActivations.call(this, server, itemIndex)),
	};
	const outcomes = await forEachItem(this, itemIndexes, async (itemIndex) => await buyOne.call(this, itemIndex, server, reads));
	// The list is read after every purchase, so it holds them all; a server without one keeps Buy's own fields,
	// and a purchase whose answer told its cost and expiry (getNumberV2) needs no read.
	if (connection?.documents('getActiveActivations')) {
		for (const [itemIndex, outcome] of outcomes) {
			if (!outcome.ok || (outcome.value.cost !== null && outcome.value.expiresAt !== null)) continue;
			outcomes.set(itemIndex, { ok: true, value: await withListedDetails.call(this, reads, outcome.value, itemIndex) });
		}
	}
	return outcomes;
}

/**
 * Adds the cost and expiry from the active list. Only a read, and best effort: the number is bought
 * already, so a failure here must not turn a purchase into an error (the user would buy again).
 */
async function withListedDetails(
	this: IExecuteFunctions,
	reads: Reads,
	output: ActivationOutput,
	itemIndex: number,
): Promise<ActivationOutput> {
	try {
		const listed = (await reads.activeList(itemIndex)).find(
			(activation) => activation.activationId === output.id,
		);
		if (!listed) return output;
		return { ...output, cost: listed.cost ?? output.cost, expiresAt: listed.expiresAt ?? output.expiresAt };
	} catch (error) {
		this.logger.warn(`Bought activation ${output.id}; could not read its cost and expiry: ${(error as Error).message}`);
		return output;
	}
}
