/**
 * Reads that serve every item of an execution (the price table for Max Price, the active list for a
 * number's details), made once per execution and connection rather than once per item. Items whose
 * credential resolves to another server or key (expressions in the credential) get their own read.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { ActivationServer } from '../transport/activationServers';
import { connect } from '../transport/smsActivate';

export function sharedReads<T>(
	context: IExecuteFunctions,
	server: ActivationServer,
	read: (itemIndex: number) => Promise<T>,
): (itemIndex: number) => Promise<T> {
	const byConnection = new Map<string, Promise<T>>();
	return async (itemIndex) => {
		const { baseUrl, token } = await connect.call(context, server, itemIndex);
		// Kept in memory for this execution only; never logged.
		const key = `${baseUrl}\n${token}`;
		let pending = byConnection.get(key);
		if (!pending) {
			pending = read(itemIndex);
			byConnection.set(key, pending);
		}
		return await pending;
	};
}
