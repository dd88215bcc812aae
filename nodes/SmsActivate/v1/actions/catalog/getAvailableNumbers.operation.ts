import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../../shared/displayOptions';
import type { ActivationServer } from '../../../../shared/transport/activationServers';
import { getNumbersStatus, providerOf } from '../../../../shared/transport/smsActivate';

const properties: INodeProperties[] = [
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'e.g. 6',
		description: 'The country ID, as Get Countries gives it. Some servers (HeroSMS) require it.',
	},
	{
		displayName: 'Operator',
		name: 'operator',
		type: 'string',
		default: '',
		placeholder: 'e.g. any',
		description: 'Only numbers of this mobile operator',
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getAvailableNumbers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number, server: ActivationServer): Promise<IDataObject[]> {
	const country = String(this.getNodeParameter('country', itemIndex, '')).trim();
	const operator = String(this.getNodeParameter('operator', itemIndex, '')).trim();
	const available = await getNumbersStatus.call(this, server, { country, operator }, itemIndex);
	const provider = await providerOf.call(this, server, itemIndex);
	return available.map((entry) => ({ provider, country: country || null, ...entry }));
}
