import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { SmsActivateTriggerV1 } from './v1/SmsActivateTriggerV1.node';

/** Starts a workflow when a new SMS code arrives at any sms-activate compatible server; versioned like the node. */
export class SmsActivateTrigger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'SMS-Activate Protocol Trigger',
			name: 'smsActivateTrigger',
			icon: { light: 'file:../../icons/smsActivate.svg', dark: 'file:../../icons/smsActivate.dark.svg' },
			group: ['trigger'],
			description:
				'Starts the workflow when a new SMS verification code arrives at an sms-activate compatible server (HeroSMS, GrizzlySMS, SMSBower, …)',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new SmsActivateTriggerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
