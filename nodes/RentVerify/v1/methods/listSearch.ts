import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getActiveActivations } from '../../../shared/transport/rentVerify';

/** The account's active activations, searchable by phone number, service or ID. */
export async function searchActivations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const activations = await getActiveActivations.call(this);
	const results = activations
		.map((activation) => ({
			name: `${activation.phoneNumber ?? '?'} · ${activation.service} · ${activation.country} (${activation.activationId})`,
			value: activation.activationId,
		}))
		.filter((result) => needle === '' || result.name.toLowerCase().includes(needle));
	return { results };
}
