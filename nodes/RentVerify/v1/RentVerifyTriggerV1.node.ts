import type {
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { newCodeTriggerDescription } from '../../shared/activation/nodeDescription';
import { RENTVERIFY } from '../../shared/transport/activationServers';
import { pollNewCodes } from '../../shared/trigger/newCode';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is in baseDescription (the versioned node file one folder up), spread below; n8n resolves every version's icon relative to that file
export class RentVerifyTriggerV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = newCodeTriggerDescription(baseDescription, {
			defaultName: 'RentVerify Trigger',
			credential: 'rentVerifyApi',
		});
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNewCodes.call(this, RENTVERIFY);
	}
}
