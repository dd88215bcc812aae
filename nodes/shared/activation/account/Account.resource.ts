import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationSelector } from '../../displayOptions';
import * as getBalance from './getBalance.operation';

export { getBalance };

/** The Account operations every sms-activate protocol node offers, as the node panel shows them. */
export const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Get Balance',
		value: 'getBalance',
		description: 'Get the balance of your account',
		action: 'Get the account balance',
	},
];

/** The fields of those operations, each shown for its operation only. */
export const fields: INodeProperties[] = [
	...getBalance.description,
];

export const description: INodeProperties[] = [operationSelector('account', operationOptions, 'getBalance'), ...fields];
