import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { SmsActivateWebhookTriggerV1 } from './v1/SmsActivateWebhookTriggerV1.node';

/**
 * Starts a workflow the moment a server of the sms-activate family pushes an SMS code to its webhook
 * (HeroSMS, SMSBower, sms.online); versioned like the other nodes. Servers without a webhook keep the
 * polling SMS-Activate Protocol Trigger.
 */
export class SmsActivateWebhookTrigger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'SMS-Activate Protocol Webhook Trigger',
			name: 'smsActivateWebhookTrigger',
			icon: { light: 'file:../../icons/smsActivate.svg', dark: 'file:../../icons/smsActivate.dark.svg' },
			group: ['trigger'],
			description:
				'Starts the workflow the moment an sms-activate compatible server (HeroSMS, SMSBower, sms.online) pushes a new SMS code to its webhook',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new SmsActivateWebhookTriggerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
