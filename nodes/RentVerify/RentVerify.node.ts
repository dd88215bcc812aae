import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { RentVerifyV1 } from './v1/RentVerifyV1.node';

/**
 * RentVerify: pay-per-activation numbers. Versioned as n8n's own nodes are: a change to a shipped
 * description is a new version beside the old one, so saved workflows keep working.
 */
export class RentVerify extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'RentVerify',
			name: 'rentVerify',
			icon: { light: 'file:../../icons/rentVerify.svg', dark: 'file:../../icons/rentVerify.dark.svg' },
			group: ['transform'],
			description: 'Buy a virtual phone number from RentVerify and get its SMS verification code',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new RentVerifyV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
