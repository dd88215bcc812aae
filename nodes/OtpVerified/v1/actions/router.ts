import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../../shared/operation';
import { route } from '../../../shared/router';
import type { OtpVerifiedMap } from './node.type';
import { catalog, rental } from './resources';

const operations: OperationTable<OtpVerifiedMap> = {
	catalog: { getServices: catalog.getServices },
	rental: {
		rentNumber: rental.rentNumber,
		getMessages: rental.getMessages,
		waitForMessage: rental.waitForMessage,
		release: rental.release,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations, undefined);
}
