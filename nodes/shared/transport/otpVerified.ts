/**
 * OTPVerified transport: the only place that knows OTPVerified's URLs and its JSON envelope.
 * Every call goes through `httpRequestWithAuthentication` with the `otpVerifiedApi` credential.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { Rental, RentalMessage, RentalService } from './otpVerifiedAnswers';
import {
	PROVIDER,
	parseRelease,
	parseRental,
	parseRentalMessages,
	parseRentalServices,
} from './otpVerifiedAnswers';
import type { HttpAnswer, Parsed } from './answer';
import type { ProviderCall, ProviderContext } from './request';
import { callProvider } from './request';

export const OTPVERIFIED_CREDENTIAL = 'otpVerifiedApi';
export const OTPVERIFIED_DEFAULT_BASE_URL = 'https://otpverified.com/api/v1';

/** The durations OTPVerified rents for; not every number supports the short ones. */
export const RENTAL_DURATIONS = ['oneDay', 'threeDay', 'sevenDay', 'fourteenDay', 'thirtyDay', 'ninetyDay'] as const;
export type RentalDuration = (typeof RENTAL_DURATIONS)[number];

interface Request<T> {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	interpret: (answer: HttpAnswer) => Parsed<T>;
	sentOnce?: ProviderCall<T>['sentOnce'];
	itemIndex?: number;
}

async function call<T>(context: ProviderContext, request: Request<T>): Promise<T> {
	const credentials = await context.getCredentials(OTPVERIFIED_CREDENTIAL, request.itemIndex);
	const baseUrl = String(credentials.baseUrl || OTPVERIFIED_DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
	return await callProvider(context, {
		providerName: PROVIDER,
		credentialType: OTPVERIFIED_CREDENTIAL,
		credentials,
		method: request.method,
		url: `${baseUrl}/users/${request.path}`,
		qs: request.qs,
		body: request.body,
		interpret: request.interpret,
		sentOnce: request.sentOnce,
		secrets: [String(credentials.apiKey ?? '')],
		itemIndex: request.itemIndex,
	});
}

/** The rental services with their current (and discounted) prices. */
export async function getRentalServices(this: ProviderContext, itemIndex?: number): Promise<RentalService[]> {
	return await call(this, { method: 'GET', path: 'rental-services', interpret: parseRentalServices, itemIndex });
}

/**
 * Rents a number. Spends money: sent exactly once, never retried, whatever happens to the connection.
 */
export async function requestRental(
	this: ProviderContext,
	order: { serviceId: string; duration: RentalDuration; areaCode?: string },
	itemIndex?: number,
): Promise<Rental> {
	const body: IDataObject = { serviceId: order.serviceId, duration: order.duration };
	if (order.areaCode) body.areas = order.areaCode;
	return await call(this, {
		method: 'POST',
		path: 'request-rental',
		body,
		interpret: parseRental,
		sentOnce: {
			action: 'rental',
			check: 'Check your rentals on your OTPVerified account before you rent again.',
		},
		itemIndex,
	});
}

/** The messages a rented number received, oldest first. */
export async function getRentalMessages(
	this: ProviderContext,
	orderId: string,
	itemIndex?: number,
): Promise<RentalMessage[]> {
	return await call(this, {
		method: 'GET',
		path: 'rental-messages',
		qs: { orderId },
		interpret: parseRentalMessages,
		itemIndex,
	});
}

/** Releases a rented number. */
export async function releaseRental(
	this: ProviderContext,
	orderId: string,
	itemIndex?: number,
): Promise<{ message: string }> {
	return await call(this, {
		method: 'POST',
		path: 'release-rental',
		body: { orderId },
		interpret: parseRelease,
		// A release that reached the server and is sent again answers "already released" and hides that it worked.
		sentOnce: { action: 'release', check: 'Check the rental on your OTPVerified account.' },
		itemIndex,
	});
}
