import type { INodeProperties } from 'n8n-workflow';

import * as shared from '../../../../shared/activation/activation/Activation.resource';
import { operationSelector } from '../../../../shared/displayOptions';
import * as finish from './finish.operation';
import * as markReady from './markReady.operation';
import * as requestAnotherSms from './requestAnotherSms.operation';

export const { buyNumber, cancel, getAll, getStatus, waitForCode } = shared;
export { finish, markReady, requestAnotherSms };

/** Every server's activation operations, plus the setStatus ones that the family documents. */
export const description: INodeProperties[] = [
	operationSelector(
		'activation',
		[
			...shared.operationOptions,
			{
				name: 'Finish',
				value: 'finish',
				description: 'Finish an activation whose code was used (setStatus 6)',
				action: 'Finish an activation',
			},
			{
				name: 'Mark Number Ready',
				value: 'markReady',
				description: 'Tell the server the SMS was requested on the service’s side (setStatus 1)',
				action: 'Mark a number as ready',
			},
			{
				name: 'Request Another SMS',
				value: 'requestAnotherSms',
				description: 'Ask for another SMS on the same number after a code arrived (setStatus 3)',
				action: 'Request another SMS',
			},
		],
		'buyNumber',
	),
	...shared.fields,
	...finish.description,
	...markReady.description,
	...requestAnotherSms.description,
];
