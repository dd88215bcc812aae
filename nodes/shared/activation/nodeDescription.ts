/**
 * What the sms-activate protocol's nodes (RentVerify, SMS-Activate Protocol) describe alike, written
 * once: the resource selector, and the description of the action node and of its New Code trigger.
 * Each node passes its own names, credential and operations.
 */
import type { INodeProperties, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleOf } from '../subtitle';
import { newCodeProperties } from '../trigger/newCode';
import * as account from './account/Account.resource';

/** Account, Activation and Catalog, with the node's own activation and catalog operations. */
export function activationResources(activation: INodeProperties[], catalog: INodeProperties[]): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Account', value: 'account' },
				{ name: 'Activation', value: 'activation' },
				{ name: 'Catalog', value: 'catalog' },
			],
			default: 'activation',
		},
		...account.description,
		...activation,
		...catalog,
	];
}

interface NodeNaming {
	/** The name n8n gives the node when it is added without an action. */
	defaultName: string;
	credential: string;
}

export function actionNodeDescription(
	base: INodeTypeBaseDescription,
	naming: NodeNaming,
	properties: INodeProperties[],
): INodeTypeDescription {
	return {
		...base,
		version: 1,
		subtitle: subtitleOf(properties),
		defaults: { name: naming.defaultName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: naming.credential, required: true }],
		properties,
	};
}

export function newCodeTriggerDescription(base: INodeTypeBaseDescription, naming: NodeNaming): INodeTypeDescription {
	return {
		...base,
		version: 1,
		subtitle: 'New Code',
		defaults: { name: naming.defaultName },
		// n8n adds the Poll Times parameter; its shortest interval is one minute.
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: naming.credential, required: true }],
		properties: newCodeProperties,
	};
}
