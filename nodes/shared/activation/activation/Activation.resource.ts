import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationSelector } from '../../displayOptions';
import * as buyNumber from './buyNumber.operation';
import * as cancel from './cancel.operation';
import * as getAll from './getAll.operation';
import * as getStatus from './getStatus.operation';
import * as waitForCode from './waitForCode.operation';

export { buyNumber, cancel, getAll, getStatus, waitForCode };

/** The Activation operations every sms-activate protocol node offers, as the node panel shows them. */
export const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Buy Number',
		value: 'buyNumber',
		description: 'Buy a number for one service, to receive its SMS code',
		action: 'Buy a number',
	},
	{
		name: 'Cancel',
		value: 'cancel',
		description: 'Cancel an activation that got no SMS; its cost is refunded minus a fee',
		action: 'Cancel an activation',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'Get the active activations of the account',
		action: 'Get many activations',
	},
	{
		name: 'Get Status',
		value: 'getStatus',
		description: 'Get the status of an activation, with its code once the SMS is here',
		action: 'Get the status of an activation',
	},
	{
		name: 'Wait for Code',
		value: 'waitForCode',
		description: 'Wait until the SMS code arrives, then output it',
		action: 'Wait for the SMS code',
	},
];

/** The fields of those operations, each shown for its operation only. */
export const fields: INodeProperties[] = [
	...buyNumber.description,
	...cancel.description,
	...getAll.description,
	...getStatus.description,
	...waitForCode.description,
];

export const description: INodeProperties[] = [operationSelector('activation', operationOptions, 'buyNumber'), ...fields];
