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
import { activationCredentialTest } from '../../shared/activation/credentialTest';
import { activationMethods } from '../../shared/activation/methods';
import { authenticateRentVerify } from '../../shared/transport/activationAuth';
import { RENTVERIFY } from '../../shared/transport/activationServers';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is in baseDescription (the versioned node file one folder up), spread below; n8n resolves every version's icon relative to that file
export class RentVerifyV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 1,
			subtitle: subtitleOf(resources),
			defaults: { name: 'RentVerify' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			usableAsTool: true,
			credentials: [{ name: 'rentVerifyApi', required: true, testedBy: 'rentVerifyConnection' }],
			properties: resources,
		};
	}

	methods = {
		...activationMethods(RENTVERIFY),
		credentialTest: { rentVerifyConnection: activationCredentialTest(RENTVERIFY, authenticateRentVerify) },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
