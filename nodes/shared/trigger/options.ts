/** The trigger fields and readers that every provider's trigger shares. */
import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

/** The Options collection of every trigger. */
export const triggerOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Emit Codes Already There',
			name: 'emitExisting',
			type: 'boolean',
			default: false,
			description:
				'Whether the first poll after activation emits the codes and messages already there. By default they are only remembered, and only later ones start the workflow.',
		},
		{
			displayName: 'Parallel Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 5,
			description: 'How many status requests one poll sends at the same time',
		},
	],
};

export interface TriggerOptions {
	concurrency: number;
	emitExisting: boolean;
}

export function readTriggerOptions(this: IPollFunctions): TriggerOptions {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return {
		concurrency: Math.min(20, Math.max(1, Math.floor(Number(options.concurrency ?? 5)) || 5)),
		emitExisting: options.emitExisting === true,
	};
}

/** `a, b c;d` → ['a', 'b', 'c', 'd'], without repeats. */
export function splitList(value: unknown, lowerCase = false): string[] {
	const words = String(value ?? '')
		.split(/[\s,;]+/)
		.map((word) => word.trim())
		.filter((word) => word !== '')
		.map((word) => (lowerCase ? word.toLowerCase() : word));
	return [...new Set(words)];
}

