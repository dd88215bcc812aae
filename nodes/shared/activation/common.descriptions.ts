/** RentVerify fields used by more than one operation, each with the reader that checks it. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const countryField: INodeProperties = {
	displayName: 'Country Name or ID',
	name: 'country',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCountries' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'RentVerify names countries by word, e.g. usa, england',
};

export const serviceField: INodeProperties = {
	displayName: 'Service Name or ID',
	name: 'service',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getServices', loadOptionsDependsOn: ['country'] },
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
	description: 'The activation: the ID that Buy a Number output',
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

export function readActivationId(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(this.getNodeParameter('activationId', itemIndex, '', { extractValue: true })).trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), 'No activation ID was given', {
			description:
				"Pick an activation from the list, or map the `id` that Buy a Number returned, e.g. {{ $('Buy a number').item.json.id }}.",
			itemIndex,
		});
	}
	return id;
}
