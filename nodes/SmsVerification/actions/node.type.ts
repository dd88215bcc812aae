import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Outcome } from '../helpers/waitLoop';

/**
 * Every provider → resource → operation the node offers. The router's table is typed from this map,
 * so an operation listed here without a file (or the reverse) fails to compile.
 */
export type SmsVerificationMap = {
	rentVerify: {
		account: 'getBalance';
		catalog: 'getCountries' | 'getServices' | 'getPrices';
		activation: 'buyNumber' | 'getStatus' | 'waitForCode' | 'cancel' | 'getAll';
	};
	otpVerified: {
		catalog: 'getServices';
		rental: 'rentNumber' | 'getMessages' | 'waitForMessage' | 'release';
	};
};

export type Provider = keyof SmsVerificationMap;

export type OperationResult = IDataObject | IDataObject[];

/** An operation that handles one input item at a time. */
export interface ItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

/** An operation that handles all input items together (the waits: ten items wait as long as one). */
export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<Map<number, Outcome<OperationResult>>>;
}

export type Operation = ItemOperation | BatchOperation;

export type OperationTable = {
	[P in Provider]: {
		[R in keyof SmsVerificationMap[P]]: Record<SmsVerificationMap[P][R] & string, Operation>;
	};
};
