import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { RentVerifyTriggerV1 } from './v1/RentVerifyTriggerV1.node';

/** Starts a workflow when a new SMS code arrives on a RentVerify activation; versioned like RentVerify. */
export class RentVerifyTrigger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'RentVerify Trigger',
			name: 'rentVerifyTrigger',
			icon: { light: 'file:../../icons/rentVerify.svg', dark: 'file:../../icons/rentVerify.dark.svg' },
			group: ['trigger'],
			description: 'Starts the workflow when a new SMS verification code arrives on a RentVerify number',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new RentVerifyTriggerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
