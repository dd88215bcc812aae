import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleOf } from '../../shared/subtitle';
import { router } from './actions/router';
import { description as resources } from './actions/resources';
import { listSearch } from './methods';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is in baseDescription (the versioned node file one folder up), spread below; n8n resolves every version's icon relative to that file
export class OtpVerifiedV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 1,
			subtitle: subtitleOf(resources),
			defaults: { name: 'OTPVerified' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			usableAsTool: true,
			credentials: [{ name: 'otpVerifiedApi', required: true }],
			properties: resources,
		};
	}

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
