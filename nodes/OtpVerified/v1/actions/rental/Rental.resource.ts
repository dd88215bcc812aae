import type { INodeProperties } from 'n8n-workflow';

import * as getMessages from './getMessages.operation';
import * as release from './release.operation';
import * as rentNumber from './rentNumber.operation';
import * as waitForMessage from './waitForMessage.operation';

export { getMessages, release, rentNumber, waitForMessage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rental'] } },
		options: [
			{
				name: 'Get Messages',
				value: 'getMessages',
				description: 'Get the SMS a rented number received (its status)',
				action: 'Get the messages of a rental',
			},
			{
				name: 'Release',
				value: 'release',
				description: 'Release a rented number you no longer need',
				action: 'Release a rental',
			},
			{
				name: 'Rent Number',
				value: 'rentNumber',
				description: 'Rent a number for one to ninety days',
				action: 'Rent a number',
			},
			{
				name: 'Wait for Message',
				value: 'waitForMessage',
				description: 'Wait until a new SMS arrives on a rented number, then output it with its code',
				action: 'Wait for a message',
			},
		],
		default: 'rentNumber',
	},
	...getMessages.description,
	...release.description,
	...rentNumber.description,
	...waitForMessage.description,
];
