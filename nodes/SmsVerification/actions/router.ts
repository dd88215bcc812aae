import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../helpers/errors';
import type { Outcome } from '../helpers/waitLoop';
import type { Operation, OperationResult, OperationTable, Provider } from './node.type';
import * as otpVerified from './otpVerified';
import * as rentVerify from './rentVerify';

const operations: OperationTable = {
	rentVerify: {
		account: { getBalance: rentVerify.account.getBalance },
		catalog: {
			getCountries: rentVerify.catalog.getCountries,
			getServices: rentVerify.catalog.getServices,
			getPrices: rentVerify.catalog.getPrices,
		},
		activation: {
			buyNumber: rentVerify.activation.buyNumber,
			getStatus: rentVerify.activation.getStatus,
			waitForCode: rentVerify.activation.waitForCode,
			cancel: rentVerify.activation.cancel,
			getAll: rentVerify.activation.getAll,
		},
	},
	otpVerified: {
		catalog: { getServices: otpVerified.catalog.getServices },
		rental: {
			rentNumber: otpVerified.rental.rentNumber,
			getMessages: otpVerified.rental.getMessages,
			waitForMessage: otpVerified.rental.waitForMessage,
			release: otpVerified.rental.release,
		},
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

async function runEachItem(
	this: IExecuteFunctions,
	operation: Operation,
	itemIndexes: number[],
): Promise<Map<number, Outcome<OperationResult>>> {
	if ('executeBatch' in operation) return await operation.executeBatch.call(this, itemIndexes);
	const outcomes = new Map<number, Outcome<OperationResult>>();
	for (const itemIndex of itemIndexes) {
		try {
			outcomes.set(itemIndex, { ok: true, value: await operation.execute.call(this, itemIndex) });
		} catch (error) {
			outcomes.set(itemIndex, { ok: false, error });
			// Without Continue On Fail the first failure ends the run: later items are not sent.
			if (!this.continueOnFail()) break;
		}
	}
	return outcomes;
}

/** Runs the chosen operation for the input items; Continue On Fail and pairing are handled here, once. */
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

	const itemIndexes = this.getInputData().map((_, itemIndex) => itemIndex);
	const outcomes = await runEachItem.call(this, operation, itemIndexes);
	const returnData: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of [...outcomes].sort(([a], [b]) => a - b)) {
		if (outcome.ok) {
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(outcome.value), {
					itemData: { item: itemIndex },
				}),
			);
		} else if (this.continueOnFail()) {
			returnData.push({ json: errorJson(outcome.error), pairedItem: { item: itemIndex } });
		} else {
			throw asNodeError(this.getNode(), outcome.error, itemIndex);
		}
	}
	return [returnData];
}
