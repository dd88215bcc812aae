import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { activationCredentialTest } from '../../shared/activation/credentialTest';
import { authenticateRentVerify } from '../../shared/transport/activationAuth';
import { RENTVERIFY } from '../../shared/transport/activationServers';
import { newestActivationCode, pollActivationCodes } from '../../shared/trigger/activationCodes';
import { memoryKeyOf, readTriggerOptions, splitList, triggerOptions } from '../../shared/trigger/options';
import { sampleItem } from '../../shared/trigger/sample';
import { STATE_VERSION, loadState, saveState } from '../../shared/trigger/state';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is in baseDescription (the versioned node file one folder up), spread below; n8n resolves every version's icon relative to that file
export class RentVerifyTriggerV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 1,
			subtitle: 'New Code',
			defaults: { name: 'RentVerify Trigger' },
			// n8n adds the Poll Times parameter; its shortest interval is one minute.
			polling: true,
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'rentVerifyApi', required: true, testedBy: 'rentVerifyConnection' }],
			properties: [
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
			],
		};
	}

	methods = {
		credentialTest: { rentVerifyConnection: activationCredentialTest(RENTVERIFY, authenticateRentVerify) },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
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
			const newest = await newestActivationCode.call(this, RENTVERIFY, settings);
			return [this.helpers.returnJsonArray([newest ?? sampleItem('rentVerify')])];
		}
		const memoryKey = memoryKeyOf.call(this);
		const staticData = this.getWorkflowStaticData('node');
		const previous = loadState(staticData, memoryKey).rentVerify;
		const { events, next } = await pollActivationCodes.call(this, RENTVERIFY, previous, settings);
		// The last step, after every request: a poll that threw has changed nothing. The state goes
		// with the items n8n saves it with (see state.ts for why that is enough).
		saveState(staticData, { v: STATE_VERSION, rentVerify: next }, memoryKey);
		return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
	}
}
