/**
 * The one router every action node uses: it finds the chosen operation, runs it for the input items,
 * and handles Continue On Fail and item pairing here, once.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readCredentialsOnce } from './credentialsOnce';
import { asNodeError } from './errors';
import type { Operation, OperationResult, OperationTable } from './operation';
import type { Outcome } from './waitLoop';

/** What a failed item shows under "Continue On Fail": what happened and what to do. */
function errorJson(error: unknown): IDataObject {
	const { message, description } = error as { message?: string; description?: string | null };
	return description ? { error: message, description } : { error: message ?? String(error) };
}

/**
 * Runs `run` for each item in turn. Without Continue On Fail the first failure ends the run: later items
 * are not sent (for a purchase, nothing more is bought).
 */
export async function forEachItem<T>(
	context: IExecuteFunctions,
	itemIndexes: number[],
	run: (itemIndex: number) => Promise<T>,
): Promise<Map<number, Outcome<T>>> {
	const outcomes = new Map<number, Outcome<T>>();
	for (const itemIndex of itemIndexes) {
		try {
			outcomes.set(itemIndex, { ok: true, value: await run(itemIndex) });
		} catch (error) {
			outcomes.set(itemIndex, { ok: false, error });
			if (!context.continueOnFail()) break;
		}
	}
	return outcomes;
}

async function runEachItem<Node>(
	this: IExecuteFunctions,
	operation: Operation<Node>,
	itemIndexes: number[],
	node: Node,
): Promise<Map<number, Outcome<OperationResult>>> {
	if ('executeBatch' in operation) return await operation.executeBatch.call(this, itemIndexes, node);
	return await forEachItem(this, itemIndexes, async (itemIndex) => await operation.execute.call(this, itemIndex, node));
}

/**
 * Runs the operation chosen by the node's `resource` and `operation` parameters for every input item,
 * handing each the node's `node` value (see operation.ts).
 */
export async function route<Map extends Record<string, string>, Node = undefined>(
	this: IExecuteFunctions,
	operations: OperationTable<Map, Node>,
	node: Node,
): Promise<INodeExecutionData[][]> {
	// resource and operation take no expressions, so item 0 decides for every item.
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const byName = (operations as Record<string, Record<string, Operation<Node>> | undefined>)[resource];
	const operation = byName && Object.hasOwn(byName, operationName) ? byName[operationName] : undefined;
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported by this node`,
			{ description: 'Pick the operation again in the node: this one may come from another node or version.' },
		);
	}

	const itemIndexes = this.getInputData().map((_, itemIndex) => itemIndex);
	const outcomes = await runEachItem.call(readCredentialsOnce(this), operation, itemIndexes, node);
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
