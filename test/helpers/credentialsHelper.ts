// A test ICredentialsHelper that behaves like n8n's server one (packages/cli/src/credentials-helper.ts, n8n 2.41):
// it keeps decrypted credential data in memory by type name, applies the type's property defaults and resolves
// expressions in the data (applyDefaultsAndOverwrites), and applies the type's `authenticate` to outgoing requests.
// n8n-core does none of this itself: it only calls `getDecrypted` and `authenticate` on this object.
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, UnexpectedError, Workflow, deepCopy, isExpression } from 'n8n-workflow';
import { getAdditionalKeys } from 'n8n-core';

// The node the server uses to resolve expressions in credential data outside an execution.
const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const mockNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};

export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	/** Decrypted data by credential type name, as a user would have saved it (defaults may be missing). */
	private readonly data = new Map<string, ICredentialDataDecryptedObject>();

	constructor(
		credentialTypes: ICredentialType[],
		credentials: Record<string, ICredentialDataDecryptedObject> = {},
	) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
		for (const [name, value] of Object.entries(credentials)) this.data.set(name, deepCopy(value));
	}

	getCredentialType(typeName: string): ICredentialType {
		const type = this.types.get(typeName);
		if (!type) {
			throw new UnexpectedError(`Unknown credential type "${typeName}" (not given to the test harness)`);
		}
		return type;
	}

	getParentTypes(typeName: string): string[] {
		const type = this.types.get(typeName);
		if (type?.extends === undefined) return [];
		const parents: string[] = [];
		for (const parent of type.extends) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.get(credentialType);
		if (!type?.restrictToSupportedNodes) return true;
		const supported = type.supportedNodes ?? [];
		return supported.includes(nodeType) || supported.some((short) => nodeType.endsWith(`.${short}`));
	}

	/** Same algorithm as the server's CredentialsHelper.authenticate. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions;
		const credentialType = this.getCredentialType(typeName);
		const { authenticate } = credentialType;
		if (authenticate === undefined) return requestOptions as IHttpRequestOptions;

		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}

		if (!workflow || !node) {
			throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
		}
		if (requestOptions.headers === undefined) requestOptions.headers = {};

		if (authenticate.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
					const keyResolved = this.resolveValue(key, credentials, workflow, node);
					const valueResolved = this.resolveValue(value as string, credentials, workflow, node);
					if (!target[outerKey]) target[outerKey] = {};
					target[outerKey]![keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	private resolveValue(
		parameterValue: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		if (!returnValue) return '';
		return returnValue.toString();
	}

	// Our credential types have no expirable property: n8n's server returns undefined for them.
	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new UnexpectedError('getCredentials (encrypted credentials) is not supported by the test harness');
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.data.get(type);
		if (stored === undefined) {
			throw new UnexpectedError(`No credentials of type "${type}" were given to the test harness`);
		}
		// A copy per call, as n8n decrypts afresh each time: a node mutating it must not affect the next call.
		if (raw === true) return deepCopy(stored);
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			deepCopy(stored),
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** The server's applyDefaultsAndOverwrites without overwrites/external secrets: defaults, then expressions. */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const decryptedData = this.applyDefaults(type, decryptedDataOriginal);
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

		if (expressionResolveValues) {
			try {
				return expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				if (e instanceof Error) e.message += ' [Error resolving credentials]';
				throw e;
			}
		}

		const workflow = new Workflow({
			nodes: [deepCopy(mockNode)],
			connections: {},
			active: false,
			nodeTypes: mockNodeTypes,
		});
		return workflow.expression.getComplexParameterValue(
			mockNode,
			decryptedData as INodeParameters,
			mode,
			additionalKeys,
			undefined,
			undefined,
			decryptedData,
		) as ICredentialDataDecryptedObject;
	}

	/** The type's property defaults applied to data that omits them (what n8n does before every use). */
	applyDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			data as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (data.oauthTokenData !== undefined) withDefaults.oauthTokenData = data.oauthTokenData;
		return withDefaults;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.getCredentialType(type);
		if (credentialTypeData.extends === undefined) return credentialTypeData.properties;

		const combineProperties: INodeProperties[] = [];
		for (const parent of credentialTypeData.extends) {
			NodeHelpers.mergeNodeProperties(combineProperties, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combineProperties, credentialTypeData.properties);
		return combineProperties;
	}
}
