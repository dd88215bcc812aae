import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

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
