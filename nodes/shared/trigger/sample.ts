/**
 * What "Fetch Test Event" shows when no code has arrived yet: one item with every field a real event
 * has, clearly marked, so the workflow can be built before the first SMS.
 */
import type { IDataObject } from 'n8n-workflow';

import { activationOutput, messageOutput } from '../output';

const NOTE =
	'Sample data: no code has arrived on the watched numbers yet. Real events have the same fields, without "sample" and "note".';

/** `provider` is the server's (`rentVerify`, `heroSms`, …) for a New Code trigger, or `otpVerified`. */
export function sampleItem(provider: string): IDataObject {
	const receivedAt = new Date().toISOString();
	if (provider === 'otpVerified') {
		return {
			sample: true,
			note: NOTE,
			eventId: 'otpVerified:sample:sample',
			...messageOutput({
				orderId: 'sample',
				messageId: 'sample',
				phoneNumber: '+15035550123',
				service: 'Google',
				sender: '22000',
				text: 'G-123456 is your Google verification code.',
				pin: 'G-123456',
				code: '123456',
				receivedAt,
				receivedAtOriginal: null,
				raw: {},
			}),
		};
	}
	return {
		sample: true,
		note: NOTE,
		eventId: `${provider}:sample:123456`,
		...activationOutput(provider, {
			id: 'sample',
			status: 'received',
			phoneNumber: '+12025550123',
			service: 'tg',
			country: 'usa',
			code: '123456',
			codeAsSent: '123456',
		}),
		receivedAt,
	};
}
