/**
 * Fields that more than one node shows, written once and spread with the displayOptions of each
 * place that shows them.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue } from './parameters';

/** What a field picked from the provider's catalog (a country, a service) is called and typed as. */
export interface CatalogPick {
	displayName: string;
	name: string;
	/** The listSearch method that lists the choices. */
	searchListMethod: string;
	/** What the user types instead, e.g. "By Code". */
	typedModeName: string;
	placeholder: string;
	description: string;
	hint?: string;
}

/**
 * A catalog field: a searchable list, or a code typed or mapped by expression.
 *
 * A resource locator rather than an `options` dropdown, because of when n8n's editor loads them: an
 * `options` dropdown loads as soon as the node's panel opens, which for a node just added from the
 * panel is before n8n gives it its credential; the load fails, and n8n drops the reload that the
 * credential's arrival asks for while that first load is still running, so the field stays on
 * "Error fetching options" (docs/N8N.md, n8n's editor). A resource locator's list loads when the user opens
 * it, with the credential the node has then, and searches long lists (180 countries) as the user types.
 */
export function catalogPick(pick: CatalogPick): INodeProperties {
	return {
		displayName: pick.displayName,
		name: pick.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: pick.description,
		...(pick.hint ? { hint: pick.hint } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: pick.searchListMethod, searchable: true },
			},
			{
				displayName: pick.typedModeName,
				name: 'id',
				type: 'string',
				placeholder: pick.placeholder,
			},
		],
	};
}

/**
 * The value of a catalog field (a resource locator, or a plain string in workflows written by hand),
 * trimmed; a clear error when it is empty or an expression gave something that is not text.
 */
export function readCatalogPick(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	whatToDo: { missing: string; description: string },
): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new NodeOperationError(this.getNode(), `The parameter "${name}" must be text, but it is ${describeValue(value)}`, {
			description: whatToDo.description,
			itemIndex,
		});
	}
	const text = String(value).trim();
	if (!text) throw new NodeOperationError(this.getNode(), whatToDo.missing, { description: whatToDo.description, itemIndex });
	return text;
}

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
