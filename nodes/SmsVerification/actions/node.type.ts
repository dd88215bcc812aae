import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Every provider → resource → operation the node offers. The router's table is typed from this map,
 * so an operation listed here without a file (or the reverse) fails to compile.
 */
export type SmsVerificationMap = {
	rentVerify: {
		account: 'getBalance';
	};
	otpVerified: {
		catalog: 'getServices';
	};
};

export type Provider = keyof SmsVerificationMap;

/** One operation file: the fields it shows, and what it does for one input item. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export type OperationTable = {
	[P in Provider]: {
		[R in keyof SmsVerificationMap[P]]: Record<SmsVerificationMap[P][R] & string, Operation>;
	};
};
