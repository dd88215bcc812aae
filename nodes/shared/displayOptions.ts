import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Shows each property only where `displayOptions` says, merged with what the property already has.
 * Our copy of nodes-base's `updateDisplayOptions` (utils/utilities.ts), which community packages cannot import.
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...displayOptions.show },
			...(displayOptions.hide || property.displayOptions?.hide
				? { hide: { ...property.displayOptions?.hide, ...displayOptions.hide } }
				: {}),
		},
	}));
}

/** The Operation dropdown of one resource: one action in n8n's node panel per option. */
export function operationSelector(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}
