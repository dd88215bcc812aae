import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as otpVerified from './actions/otpVerified';
import * as rentVerify from './actions/rentVerify';
import { providerCredentials, providerSelector } from './actions/common.descriptions';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class SmsVerification implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Verification',
		name: 'smsVerification',
		icon: { light: 'file:../../icons/smsVerification.svg', dark: 'file:../../icons/smsVerification.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ ($parameter["provider"] === "otpVerified" ? "OTPVerified" : "RentVerify") + ": " + $parameter["operation"] }}',
		description: 'Buy or rent virtual phone numbers and receive SMS verification codes (RentVerify, OTPVerified)',
		defaults: { name: 'SMS Verification' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: providerCredentials,
		properties: [
			providerSelector,
			...rentVerify.description,
			...otpVerified.description,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
