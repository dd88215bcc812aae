import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { activationMethods } from '../../shared/activation/methods';
import { actionNodeDescription } from '../../shared/activation/nodeDescription';
import { RENTVERIFY } from '../../shared/transport/activationServers';
import { router } from './actions/router';
import { description as resources } from './actions/resources';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is in baseDescription (the versioned node file one folder up), spread below; n8n resolves every version's icon relative to that file
export class RentVerifyV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = actionNodeDescription(
			baseDescription,
			{ defaultName: 'RentVerify', credential: 'rentVerifyApi' },
			resources,
		);
	}

	methods = activationMethods(RENTVERIFY);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
