import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { OtpVerifiedV1 } from './v1/OtpVerifiedV1.node';

/**
 * OTPVerified: numbers rented for days. Versioned as n8n's own nodes are: a change to a shipped
 * description is a new version beside the old one, so saved workflows keep working.
 */
export class OtpVerified extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'OTPVerified',
			name: 'otpVerified',
			icon: { light: 'file:../../icons/otpVerified.svg', dark: 'file:../../icons/otpVerified.dark.svg' },
			group: ['transform'],
			description: 'Rent a virtual phone number from OTPVerified for days and read its SMS verification codes',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new OtpVerifiedV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
