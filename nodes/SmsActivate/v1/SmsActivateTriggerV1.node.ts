import type {
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { newCodeTriggerDescription } from '../../shared/activation/nodeDescription';
import { SMS_ACTIVATE } from '../../shared/transport/activationServers';
import { pollNewCodes } from '../../shared/trigger/newCode';

// A server that does not document getActiveActivations is watched for the Activation IDs set in the filters only.
// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is in baseDescription (the versioned node file one folder up), spread below; n8n resolves every version's icon relative to that file
export class SmsActivateTriggerV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = newCodeTriggerDescription(baseDescription, {
			defaultName: 'SMS-Activate Protocol Trigger',
			credential: 'smsActivateApi',
		});
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNewCodes.call(this, SMS_ACTIVATE);
	}
}
