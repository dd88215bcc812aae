import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { OtpVerifiedTriggerV1 } from './v1/OtpVerifiedTriggerV1.node';

/** Starts a workflow when a new SMS arrives on an OTPVerified rental; versioned like OTPVerified. */
export class OtpVerifiedTrigger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'OTPVerified Trigger',
			name: 'otpVerifiedTrigger',
			icon: { light: 'file:../../icons/otpVerified.svg', dark: 'file:../../icons/otpVerified.dark.svg' },
			group: ['trigger'],
			description: 'Starts the workflow when a new SMS arrives on an OTPVerified rental',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new OtpVerifiedTriggerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
