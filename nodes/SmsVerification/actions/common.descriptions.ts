/**
 * Fields used by more than one operation or provider, written once and spread with the
 * displayOptions of each place that shows them.
 */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The provider selector, first in both nodes; the rest of each node is shown per provider. */
export const providerSelector: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'RentVerify',
			value: 'rentVerify',
			description: 'Pay-per-activation numbers: buy one, get its code, done',
		},
		{
			name: 'OTPVerified',
			value: 'otpVerified',
			description: 'Numbers rented for days that receive many messages',
		},
	],
	default: 'rentVerify',
};

/** Each provider's credential, shown for that provider only. */
export const providerCredentials: INodeCredentialDescription[] = [
	{ name: 'rentVerifyApi', required: true, displayOptions: { show: { provider: ['rentVerify'] } } },
	{ name: 'otpVerifiedApi', required: true, displayOptions: { show: { provider: ['otpVerified'] } } },
];

export const rentVerifyCountry: INodeProperties = {
	displayName: 'Country Name or ID',
	name: 'country',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getRentVerifyCountries' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'RentVerify names countries by word, e.g. usa, england',
};

export const rentVerifyService: INodeProperties = {
	displayName: 'Service Name or ID',
	name: 'service',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getRentVerifyServices', loadOptionsDependsOn: ['country'] },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The service the code is for, e.g. tg (Telegram), wa (WhatsApp)',
};

export const activationId: INodeProperties = {
	displayName: 'Activation',
	name: 'activationId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The activation: the ID that Buy Number returned',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchActivations', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 2640086027',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An activation ID is a number, e.g. 2640086027' },
				},
			],
		},
	],
};

export const otpVerifiedService: INodeProperties = {
	displayName: 'Service Name or ID',
	name: 'serviceId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOtpVerifiedServices' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The service the number is rented for',
};

export const orderId: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 52608714',
	description: 'The rental: the ID that Rent Number returned',
};

/** How often and how long Wait for Code / Wait for Message ask the provider. */
export const waitFields: INodeProperties[] = [
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 3, maxValue: 300 },
		default: 5,
		description: 'How often to ask the provider. RentVerify asks for every 3 to 5 seconds.',
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
