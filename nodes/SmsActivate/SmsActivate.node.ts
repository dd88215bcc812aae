import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { SmsActivateV1 } from './v1/SmsActivateV1.node';

/**
 * Any server of the sms-activate protocol family (HeroSMS, GrizzlySMS, SMSHub, SMSBower, …), chosen in
 * the credential. Versioned as n8n's own nodes are: a change to a shipped description is a new version.
 */
export class SmsActivate extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'SMS-Activate Protocol',
			name: 'smsActivate',
			icon: { light: 'file:../../icons/smsActivate.svg', dark: 'file:../../icons/smsActivate.dark.svg' },
			group: ['transform'],
			description:
				'Buy a virtual phone number and get its SMS code from any sms-activate compatible server: HeroSMS, GrizzlySMS, SMSHub, SMSBower, 365sms and more',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new SmsActivateV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
