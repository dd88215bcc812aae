/**
 * New Code, the trigger of every sms-activate protocol node (RentVerify Trigger, SMS-Activate Protocol
 * Trigger): its fields and its poll, written once for all of them.
 */
import type { IDataObject, INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';

import type { ActivationServer } from '../transport/activationServers';
import { providerOf } from '../transport/smsActivate';
import { newestActivationCode, pollActivationCodes } from './activationCodes';
import { readTriggerOptions, splitList, triggerOptions } from './options';
import { pollWithState } from './pollState';
import { sampleItem } from './sample';

export const newCodeProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'New Code',
				value: 'newCode',
				description: 'A code arrived on one of the account’s active activations',
			},
		],
		default: 'newCode',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Activation IDs',
				name: 'activationIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5640086027, 5640086031',
				description:
					'Watch exactly these activations, separated by commas, also after they leave the active list. Leave empty to watch every active activation.',
			},
			{
				displayName: 'Countries',
				name: 'countries',
				type: 'string',
				default: '',
				placeholder: 'e.g. usa, england',
				description:
					'Only activations in these countries, separated by commas (ignored when Activation IDs are set)',
			},
			{
				displayName: 'Services',
				name: 'services',
				type: 'string',
				default: '',
				placeholder: 'e.g. tg, wa',
				description:
					'Only activations for these service codes, separated by commas (ignored when Activation IDs are set)',
			},
		],
	},
	triggerOptions,
];

/** One poll of New Code for the node's server. */
export async function pollNewCodes(
	this: IPollFunctions,
	server: ActivationServer,
): Promise<INodeExecutionData[][] | null> {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const settings = {
		watch: {
			activationIds: splitList(filters.activationIds),
			services: splitList(filters.services, true),
			countries: splitList(filters.countries, true),
		},
		...readTriggerOptions.call(this),
	};
	// Fetch Test Event: read-only, and static data is not even opened, so testing in the editor
	// never moves (or creates) the trigger's memory.
	if (this.getMode() === 'manual') {
		const newest = await newestActivationCode.call(this, server, settings);
		return [this.helpers.returnJsonArray([newest ?? sampleItem(await providerOf.call(this, server))])];
	}
	// The state is saved as the poll's last step, after every request, so a poll that threw has changed
	// nothing; it goes with the items n8n saves it with (see state.ts for why that is enough).
	return await pollWithState(
		this,
		'rentVerify',
		async (previous) => await pollActivationCodes.call(this, server, previous, settings),
	);
}
