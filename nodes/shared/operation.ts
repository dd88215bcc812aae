/**
 * What an operation file exports, for every action node: its fields and how it runs. Each node's
 * `actions/node.type.ts` maps its resources to operation names, and `OperationTable` types the node's
 * router from that map, so an operation listed without a file (or the reverse) fails to compile.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Outcome } from './waitLoop';

export type OperationResult = IDataObject | IDataObject[];

/**
 * An operation that handles one input item at a time. `node` is what the node hands every operation:
 * the protocol server for the sms-activate nodes (one operation file serves several of them), nothing
 * for OTPVerified.
 */
export interface ItemOperation<Node = undefined> {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, node: Node): Promise<OperationResult>;
}

/** An operation that handles all input items together (the waits: ten items wait as long as one). */
export interface BatchOperation<Node = undefined> {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions, itemIndexes: number[], node: Node): Promise<Map<number, Outcome<OperationResult>>>;
}

export type Operation<Node = undefined> = ItemOperation<Node> | BatchOperation<Node>;

/** resource → operation name → operation, for a node whose resources and operations are `Map`. */
export type OperationTable<Map extends Record<string, string>, Node = undefined> = {
	[Resource in keyof Map]: Record<Map[Resource], Operation<Node>>;
};
