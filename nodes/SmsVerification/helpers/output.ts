/**
 * One documented output shape per resource, the same across providers where the meaning is the same:
 * `provider, id, phoneNumber, service, country, status, code, cost, expiresAt` and `raw`.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Rental, RentalMessage } from '../transport/otpVerifiedAnswers';
import type { ActivationStatus, ActiveActivation } from '../transport/rentVerifyAnswers';

/** The fields every number has, whichever the provider; null where the provider's answer does not say. */
interface NumberOutput extends IDataObject {
	id: string;
	status: string;
	phoneNumber: string | null;
	service: string | null;
	country: string | null;
	code: string | null;
	cost: number | null;
	expiresAt: string | null;
	raw: IDataObject;
}

type NumberFields<T extends NumberOutput> = Partial<Omit<T, 'provider'>> & { id: string; status: string };

function numberOutput<P extends string>(provider: P, fields: NumberFields<NumberOutput>) {
	const { id, status, ...rest } = fields;
	return {
		provider,
		id,
		status,
		phoneNumber: null,
		service: null,
		country: null,
		code: null,
		cost: null,
		expiresAt: null,
		raw: {},
		...rest,
	};
}

export interface ActivationOutput extends NumberOutput {
	provider: 'rentVerify';
	/** The plain digits of `code`. */
	codeDigits: string | null;
}

export interface RentalOutput extends NumberOutput {
	provider: 'otpVerified';
}

export function activationOutput(fields: NumberFields<ActivationOutput>): ActivationOutput {
	return { codeDigits: null, ...numberOutput('rentVerify', fields) };
}

export function rentalOutput(fields: NumberFields<RentalOutput>): RentalOutput {
	return numberOutput('otpVerified', fields);
}

/** The statuses of RentVerify's active list, in the words Get Status uses. */
const LIST_STATUS: Record<string, string> = { active: 'waiting', waiting: 'waiting', received: 'received' };

export function activationFromList(activation: ActiveActivation): ActivationOutput {
	return activationOutput({
		id: activation.activationId,
		phoneNumber: activation.phoneNumber,
		service: activation.service,
		country: activation.country,
		status: Object.hasOwn(LIST_STATUS, activation.status.toLowerCase())
			? LIST_STATUS[activation.status.toLowerCase()]
			: activation.status,
		cost: activation.cost,
		expiresAt: activation.expiresAt,
		raw: activation.raw as IDataObject,
	});
}

/**
 * A status answer as output. `STATUS_WAIT_RETRY:{old code}` carries the code already used: it goes to
 * `previousCode`, never to `code`, so nothing downstream takes it for a new one.
 */
export function statusOutput(id: string, status: ActivationStatus): ActivationOutput {
	const isRetry = status.status === 'waitingRetry';
	return activationOutput({
		id,
		status: status.status,
		code: isRetry ? null : status.code,
		codeDigits: isRetry ? null : status.codeDigits,
		...(isRetry ? { previousCode: status.code } : {}),
		raw: { answer: status.word },
	});
}

export function rentalFromOrder(rental: Rental): RentalOutput {
	return rentalOutput({
		id: rental.orderId,
		phoneNumber: rental.phoneNumber,
		service: rental.serviceName,
		status: rental.status,
		cost: rental.price,
		expiresAt: rental.expiresAt,
		expiresAtOriginal: rental.expiresAtOriginal,
		purchasedAt: rental.purchasedAt,
		purchasedAtOriginal: rental.purchasedAtOriginal,
		durationDays: rental.durationDays,
		areaCode: rental.areaCode,
		raw: rental.raw as IDataObject,
	});
}

/** One SMS of a rental: `code` is the plain digits of the provider's `pin`, which is kept beside it. */
export function messageOutput(message: RentalMessage): IDataObject {
	return {
		provider: 'otpVerified',
		orderId: message.orderId,
		messageId: message.messageId,
		phoneNumber: message.phoneNumber,
		service: message.service,
		sender: message.sender,
		text: message.text,
		code: message.code,
		pin: message.pin,
		receivedAt: message.receivedAt,
		receivedAtOriginal: message.receivedAtOriginal,
		raw: message.raw as IDataObject,
	};
}
