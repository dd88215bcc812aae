import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../../shared/operation';
import type { ActivationServer } from '../../../shared/transport/activationServers';
import { RENTVERIFY } from '../../../shared/transport/activationServers';
import { route } from '../../../shared/router';
import type { RentVerifyMap } from './node.type';
import { account, activation, catalog } from './resources';

const operations: OperationTable<RentVerifyMap, ActivationServer> = {
	account: { getBalance: account.getBalance },
	catalog: { getCountries: catalog.getCountries, getServices: catalog.getServices, getPrices: catalog.getPrices },
	activation: {
		buyNumber: activation.buyNumber,
		getStatus: activation.getStatus,
		waitForCode: activation.waitForCode,
		cancel: activation.cancel,
		getAll: activation.getAll,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations, RENTVERIFY);
}
