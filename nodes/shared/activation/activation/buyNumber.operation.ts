import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import type { ActivationServer } from '../../transport/activationServers';

import { updateDisplayOptions } from '../../displayOptions';
import { asNodeError } from '../../errors';
import type { ActivationOutput } from '../../output';
import { activationOutput } from '../../output';
import { providerWord } from '../../transport/request';
import { getActiveActivations, getNumber, getPrices, providerOf } from '../../transport/smsActivate';
import type { PurchasedNumber } from '../../transport/rentVerifyAnswers';
import { countryField, serviceField } from '../common.descriptions';

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
	retryWhenNoNumbers?: { retry?: { attempts?: number; delay?: number } };
}

/** Checks Max Price against the current offer; returns the price ID that pins the checked price. */
async function checkMaxPrice(
	this: IExecuteFunctions,
	server: ActivationServer,
	itemIndex: number,
	order: { service: string; country: string; priceId?: string },
	maxPrice: number,
): Promise<{ priceId?: string; price: number }> {
	const prices = await getPrices.call(this, server, itemIndex);
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
			`RentVerify lists no price for service "${order.service}" in country "${order.country}", so Max Price cannot be checked. Nothing was bought.`,
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

export async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<ActivationOutput> {
	const country = String(this.getNodeParameter('country', itemIndex)).trim();
	const service = String(this.getNodeParameter('service', itemIndex)).trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as BuyOptions;
	if (!country || !service) {
		throw new NodeOperationError(this.getNode(), 'Choose a country and a service to buy a number', { itemIndex });
	}
	let order = { service, country, priceId: options.priceId?.trim() || undefined };
	let cost: number | null = null;
	if (options.maxPrice !== undefined) {
		const checked = await checkMaxPrice.call(this, server, itemIndex, order, options.maxPrice);
		order = { ...order, priceId: checked.priceId };
		cost = checked.price;
	}

	const retry = options.retryWhenNoNumbers?.retry;
	const attempts = retry ? Math.max(1, Math.floor(retry.attempts ?? 3)) : 1;
	let purchase: PurchasedNumber | undefined;
	for (let attempt = 1; !purchase; attempt++) {
		try {
			// Sent once per attempt: an attempt only follows a NO_NUMBERS answer, which bought nothing.
			purchase = await getNumber.call(this, server, order, itemIndex);
		} catch (error) {
			if (providerWord(error) !== 'NO_NUMBERS' || attempt >= attempts) throw asNodeError(this.getNode(), error, itemIndex);
			try {
				await sleep((retry?.delay ?? 10) * 1000, this.getExecutionCancelSignal());
			} catch {
				throw new NodeOperationError(this.getNode(), 'The execution was canceled before a number was bought', {
					itemIndex,
				});
			}
		}
	}

	const output = activationOutput(await providerOf.call(this, server, itemIndex), {
		id: purchase.activationId,
		phoneNumber: purchase.phoneNumber,
		service,
		country,
		status: 'waiting',
		cost,
		raw: { answer: purchase.answer },
	});
	return await withListedDetails.call(this, server, output, itemIndex);
}

/**
 * Adds the cost and expiry from the active list. Only a read, and best effort: the number is bought
 * already, so a failure here must not turn a purchase into an error (the user would buy again).
 */
async function withListedDetails(
	this: IExecuteFunctions,
	server: ActivationServer,
	output: ActivationOutput,
	itemIndex: number,
): Promise<ActivationOutput> {
	try {
		const listed = (await getActiveActivations.call(this, server, itemIndex)).find(
			(activation) => activation.activationId === output.id,
		);
		if (!listed) return output;
		return { ...output, cost: listed.cost ?? output.cost, expiresAt: listed.expiresAt };
	} catch (error) {
		this.logger.warn(`Bought activation ${output.id}; could not read its cost and expiry: ${(error as Error).message}`);
		return output;
	}
}
