import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Operation, OperationTable, Provider } from './node.type';
import * as otpVerified from './otpVerified';
import * as rentVerify from './rentVerify';

const operations: OperationTable = {
	rentVerify: {
		account: { getBalance: rentVerify.account.getBalance },
	},
	otpVerified: {
		catalog: { getServices: otpVerified.catalog.getServices },
	},
};

function findOperation(provider: string, resource: string, operation: string): Operation | undefined {
	const resources = operations[provider as Provider] as Record<string, Record<string, Operation>> | undefined;
	return resources?.[resource]?.[operation];
}

/** What a failed item shows under "Continue On Fail": what happened and what to do. */
function errorJson(error: unknown): IDataObject {
	const { message, description } = error as { message?: string; description?: string | null };
	return description ? { error: message, description } : { error: message ?? String(error) };
}

/** Runs the chosen operation for each input item; Continue On Fail is handled here, once. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// provider, resource and operation take no expressions, so item 0 decides for every item.
	const provider = this.getNodeParameter('provider', 0) as string;
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(provider, resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported for ${provider}`,
		);
	}

	const returnData: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute.call(this, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (!this.continueOnFail()) {
				// Our errors already say what happened and what to do; anything else is wrapped with its item.
				throw error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
			returnData.push({ json: errorJson(error), pairedItem: { item: itemIndex } });
		}
	}
	return [returnData];
}
