/** RentVerify fields used by more than one operation, each with the reader that checks it. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { catalogPick, readCatalogPick } from '../descriptions';
import { describeValue } from '../parameters';

export const countryField: INodeProperties = catalogPick({
	displayName: 'Country',
	name: 'country',
	searchListMethod: 'searchCountries',
	typedModeName: 'By Code',
	placeholder: 'e.g. usa',
	description: 'The country of the number: pick it from the list, or type or map its code as Get Countries gives it',
	hint: 'RentVerify names countries by word (usa, england); most servers of the protocol by number (187, 16)',
});

export const serviceField: INodeProperties = catalogPick({
	displayName: 'Service',
	name: 'service',
	searchListMethod: 'searchServices',
	typedModeName: 'By Code',
	placeholder: 'e.g. tg',
	description: 'The service the code is for: pick it from the list of the chosen country, or type or map its code',
	hint: 'e.g. tg (Telegram), wa (WhatsApp)',
});

/** The country a Buy or Get Services item is for. */
export function readCountry(this: IExecuteFunctions, itemIndex: number): string {
	return readCatalogPick.call(this, 'country', itemIndex, {
		missing: 'No country was given',
		description: 'Pick a country from the list, or type its code (By Code), e.g. usa, as Get Countries gives it.',
	});
}

/** The service a Buy item is for. */
export function readService(this: IExecuteFunctions, itemIndex: number): string {
	return readCatalogPick.call(this, 'service', itemIndex, {
		missing: 'No service was given',
		description: 'Pick a service from the list, or type its code (By Code), e.g. tg for Telegram, as Get Services gives it.',
	});
}

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
	const value = this.getNodeParameter('activationId', itemIndex, '', { extractValue: true }) as unknown;
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : value;
	const whatToDo =
		"Pick an activation from the list, or map the `id` that Buy a Number returned, e.g. {{ $('Buy a number').item.json.id }}.";
	if (id === '' || id === undefined || id === null) {
		throw new NodeOperationError(this.getNode(), 'No activation ID was given', { description: whatToDo, itemIndex });
	}
	// Checked here, not by the server: an ID that is not one must not reach a cancel or any other request.
	if (typeof id !== 'string' || !/^\d+$/.test(id)) {
		throw new NodeOperationError(
			this.getNode(),
			`Activation must be an activation ID (digits, e.g. 2640086027), not ${describeValue(id)}`,
			{ description: `${whatToDo} Nothing was sent.`, itemIndex },
		);
	}
	return id;
}
