import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { newestOtpVerifiedMessage, pollOtpVerified } from './otpVerifiedMessages';
import { newestRentVerifyCode, pollRentVerify } from './rentVerifyCodes';
import { providerCredentials, providerSelector } from '../SmsVerification/actions/common.descriptions';
import { sampleItem } from './sample';
import { STATE_VERSION, loadState, saveState } from './state';

/** `a, b c;d` → ['a', 'b', 'c', 'd'], without repeats. */
function list(value: unknown, lowerCase = false): string[] {
	const words = String(value ?? '')
		.split(/[\s,;]+/)
		.map((word) => word.trim())
		.filter((word) => word !== '')
		.map((word) => (lowerCase ? word.toLowerCase() : word));
	return [...new Set(words)];
}

export class SmsVerificationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Verification Trigger',
		name: 'smsVerificationTrigger',
		icon: { light: 'file:../../icons/smsVerification.svg', dark: 'file:../../icons/smsVerification.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["provider"] === "otpVerified" ? "OTPVerified: New Message" : "RentVerify: New Code" }}',
		description: 'Starts the workflow when a new SMS verification code arrives (RentVerify, OTPVerified)',
		defaults: { name: 'SMS Verification Trigger' },
		// n8n adds the Poll Times parameter; its shortest interval is one minute.
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: providerCredentials,
		properties: [
			providerSelector,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { provider: ['rentVerify'] } },
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
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { provider: ['otpVerified'] } },
				options: [
					{
						name: 'New Message',
						value: 'newMessage',
						description: 'A message arrived on one of the watched rentals',
					},
				],
				default: 'newMessage',
			},
			{
				displayName: 'Order IDs',
				name: 'orderIds',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. 52608714, 52608720',
				description: 'The rentals to watch: the IDs Rent Number returned, separated by commas',
				displayOptions: { show: { provider: ['otpVerified'] } },
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show: { provider: ['rentVerify'] } },
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
						description: 'Only activations in these countries, separated by commas (ignored when Activation IDs are set)',
					},
					{
						displayName: 'Services',
						name: 'services',
						type: 'string',
						default: '',
						placeholder: 'e.g. tg, wa',
						description: 'Only activations for these service codes, separated by commas (ignored when Activation IDs are set)',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Codes Already There',
						name: 'emitExisting',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation emits the codes and messages already there. By default they are only remembered, and only later ones start the workflow.',
					},
					{
						displayName: 'Parallel Requests',
						name: 'concurrency',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 20 },
						default: 5,
						description: 'How many status requests one poll sends at the same time',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const provider = this.getNodeParameter('provider', 'rentVerify') as string;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const concurrency = Math.min(20, Math.max(1, Math.floor(Number(options.concurrency ?? 5)) || 5));
		const emitExisting = options.emitExisting === true;
		// Fetch Test Event: read-only, and static data is not even opened, so testing in the editor
		// never moves (or creates) the trigger's memory.
		const manual = this.getMode() === 'manual';
		const memoryKey = `${this.getWorkflow().id ?? ''}:${this.getNode().name}`;

		if (provider === 'otpVerified') {
			const settings = { orderIds: list(this.getNodeParameter('orderIds', '')), concurrency, emitExisting };
			if (manual) {
				const newest = await newestOtpVerifiedMessage.call(this, settings);
				return [this.helpers.returnJsonArray([newest ?? sampleItem('otpVerified')])];
			}
			const staticData = this.getWorkflowStaticData('node');
			const previous = loadState(staticData, memoryKey).otpVerified;
			const { events, next } = await pollOtpVerified.call(this, previous, settings);
			saveState(staticData, { v: STATE_VERSION, otpVerified: next }, memoryKey);
			return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
		}

		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const settings = {
			watch: {
				activationIds: list(filters.activationIds),
				services: list(filters.services, true),
				countries: list(filters.countries, true),
			},
			concurrency,
			emitExisting,
		};
		if (manual) {
			const newest = await newestRentVerifyCode.call(this, settings);
			return [this.helpers.returnJsonArray([newest ?? sampleItem('rentVerify')])];
		}
		const staticData = this.getWorkflowStaticData('node');
		const previous = loadState(staticData, memoryKey).rentVerify;
		const { events, next } = await pollRentVerify.call(this, previous, settings);
		// The last step, after every request: a poll that threw has changed nothing. The state goes
		// with the items n8n saves it with (see state.ts for why that is enough).
		saveState(staticData, { v: STATE_VERSION, rentVerify: next }, memoryKey);
		return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
	}
}
