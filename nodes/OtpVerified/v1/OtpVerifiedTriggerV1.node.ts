import type {
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { newestOtpVerifiedMessage, pollOtpVerified } from '../../shared/trigger/otpVerifiedMessages';
import { readTriggerOptions, splitList, triggerOptions } from '../../shared/trigger/options';
import { pollWithState } from '../../shared/trigger/pollState';
import { sampleItem } from '../../shared/trigger/sample';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is in baseDescription (the versioned node file one folder up), spread below; n8n resolves every version's icon relative to that file
export class OtpVerifiedTriggerV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 1,
			subtitle: 'New Message',
			defaults: { name: 'OTPVerified Trigger' },
			// n8n adds the Poll Times parameter; its shortest interval is one minute.
			polling: true,
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'otpVerifiedApi', required: true }],
			properties: [
				{
					displayName: 'Event',
					name: 'event',
					type: 'options',
					noDataExpression: true,
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
					description: 'The rentals to watch: the IDs Rent a Number returned, separated by commas',
				},
				triggerOptions,
			],
		};
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = { orderIds: splitList(this.getNodeParameter('orderIds', '')), ...readTriggerOptions.call(this) };
		// Fetch Test Event: read-only, and static data is not even opened (see RentVerify Trigger).
		if (this.getMode() === 'manual') {
			const newest = await newestOtpVerifiedMessage.call(this, settings);
			return [this.helpers.returnJsonArray([newest ?? sampleItem('otpVerified')])];
		}
		// Saved as the poll's last step, after every request: a poll that threw has changed nothing.
		return await pollWithState(
			this,
			'otpVerified',
			async (previous) => await pollOtpVerified.call(this, previous, settings),
		);
	}
}
