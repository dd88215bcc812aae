/**
 * The servers that speak the sms-activate protocol (docs/PROVIDERS.md), as the nodes use them: which
 * credential holds the key, where the server is, how users name it, and which actions it documents.
 * RentVerify is one such server with a node and credential of its own; the protocol family's node
 * (SMS-Activate Protocol) reaches the others through one credential whose Server picks the entry.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Every action of the protocol that a node can send. */
export type ProtocolAction =
	| 'getBalance'
	| 'getCountries'
	| 'getServices'
	| 'getPrices'
	| 'getActiveActivations'
	| 'getNumber'
	| 'getNumberV2'
	| 'getStatus'
	| 'getStatusV2'
	| 'getNumbersStatus'
	| 'setStatus';

/** A server as one request sees it, read from the credential. */
export interface ServerConnection {
	/** The `provider` value of every output item (`rentVerify`, `heroSms`, …). */
	provider: string;
	/** The name users know the server by, in every message ("RentVerify", "HeroSMS"). */
	name: string;
	baseUrl: string;
	token: string;
	/** Whether the server documents an action; others fail before any request, with a message that says so. */
	documents(action: ProtocolAction): boolean;
	/** Why the token cannot be right for this server, or undefined (checked before any request). */
	tokenProblem?(token: string): string | undefined;
}

/** A node's side of the protocol: its credential type, and how that credential becomes a connection. */
export interface ActivationServer {
	credentialType: string;
	/** The product name used when the credential cannot say more (an invalid base URL, a missing key). */
	productName: string;
	connect(credentials: ICredentialDataDecryptedObject): ServerConnection;
}

export const RENTVERIFY_DEFAULT_BASE_URL = 'https://rentverify.us/api/v1';
const RENTVERIFY_HOST = 'rentverify.us';

/** What RentVerify documents (docs/PROVIDERS.md): the classic actions, setStatus for cancel only. */
const RENTVERIFY_ACTIONS: ReadonlySet<ProtocolAction> = new Set<ProtocolAction>([
	'getBalance',
	'getCountries',
	'getServices',
	'getPrices',
	'getActiveActivations',
	'getNumber',
	'getStatus',
	'setStatus',
]);

export const RENTVERIFY: ActivationServer = {
	credentialType: 'rentVerifyApi',
	productName: 'RentVerify',
	connect(credentials) {
		const baseUrl = String(credentials.baseUrl || RENTVERIFY_DEFAULT_BASE_URL).trim();
		return {
			provider: 'rentVerify',
			name: 'RentVerify',
			baseUrl,
			token: String(credentials.token ?? '').trim(),
			documents: (action) => RENTVERIFY_ACTIONS.has(action),
			// RentVerify's own tokens are 64 hex characters: refuse anything else before it leaves the machine.
			// Other compatible servers have their own formats, so the check applies to RentVerify's host only.
			tokenProblem: (token) =>
				isHost(baseUrl, RENTVERIFY_HOST) && !/^[0-9a-f]{64}$/i.test(token)
					? `The RentVerify token must be 64 hexadecimal characters; the credential holds ${token.length} characters that are not such a token`
					: undefined,
		};
	},
};

function isHost(baseUrl: string, host: string): boolean {
	try {
		const hostname = new URL(baseUrl).hostname.toLowerCase();
		return hostname === host || hostname.endsWith(`.${host}`);
	} catch {
		return false;
	}
}
