import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../../shared/operation';
import { route } from '../../../shared/router';
import type { ActivationServer } from '../../../shared/transport/activationServers';
import { SMS_ACTIVATE } from '../../../shared/transport/activationServers';
import type { SmsActivateMap } from './node.type';
import { account, activation, catalog } from './resources';

const operations: OperationTable<SmsActivateMap, ActivationServer> = {
	account: { getBalance: account.getBalance },
	catalog: {
		getCountries: catalog.getCountries,
		getServices: catalog.getServices,
		getPrices: catalog.getPrices,
		getAvailableNumbers: catalog.getAvailableNumbers,
	},
	activation: {
		buyNumber: activation.buyNumber,
		getStatus: activation.getStatus,
		waitForCode: activation.waitForCode,
		cancel: activation.cancel,
		getAll: activation.getAll,
		markReady: activation.markReady,
		requestAnotherSms: activation.requestAnotherSms,
		finish: activation.finish,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations, SMS_ACTIVATE);
}
