import type {
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { SMS_ACTIVATE } from '../../shared/transport/activationServers';
import { receivePushedSms, webhookLifecycle, webhookTriggerDescription } from '../../shared/webhook/receive';

// What each delivery is answered, and why, is written at the top of shared/webhook/receive.ts.
// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is in baseDescription (the versioned node file one folder up), spread below; n8n resolves every version's icon relative to that file
export class SmsActivateWebhookTriggerV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = webhookTriggerDescription(baseDescription, {
			defaultName: 'SMS-Activate Protocol Webhook Trigger',
			credential: 'smsActivateApi',
		});
	}

	webhookMethods = webhookLifecycle(SMS_ACTIVATE.credentialType);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receivePushedSms.call(this, SMS_ACTIVATE.credentialType);
	}
}
