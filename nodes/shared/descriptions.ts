/**
 * Fields that more than one node shows, written once and spread with the displayOptions of each
 * place that shows them.
 */
import type { INodeProperties } from 'n8n-workflow';

/** How often and how long Wait for the SMS Code / Wait for a Message ask the provider. */
export const waitFields: INodeProperties[] = [
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 3, maxValue: 300 },
		default: 5,
		description: 'How often to ask the provider. Providers ask for every 3 to 5 seconds.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 3 },
		default: 600,
		description: 'How long to wait for the SMS before giving up (default 10 minutes)',
	},
];

/** What a wait does when the timeout passes. */
export const onTimeout: INodeProperties = {
	displayName: 'On Timeout',
	name: 'onTimeout',
	type: 'options',
	options: [
		{
			name: 'Fail',
			value: 'fail',
			description: 'Stop with an error (or an error item under Continue On Fail)',
		},
		{
			name: 'Output a Timed-Out Item',
			value: 'output',
			description: 'Go on with an item that has `timedOut: true`',
		},
	],
	default: 'fail',
};
