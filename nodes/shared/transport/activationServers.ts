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
	/**
	 * Whether a purchase is getNumberV2 (the same purchase, answered in JSON with its cost and expiry): where
	 * the server documents it. A custom server's support is unknown, so it gets the core getNumber.
	 */
	buysWithV2: boolean;
	/** The setStatus codes it documents (1 ready, 3 another SMS, 6 finish, 8 cancel). */
	statuses: ReadonlySet<number>;
	/** What it keeps of a cancelled activation's cost (USD), for the refund Cancel reports. */
	cancelFee: number;
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
			buysWithV2: false,
			statuses: new Set([8]),
			// RentVerify's documented fee (docs/PROVIDERS.md).
			cancelFee: 0.1,
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

/**
 * The servers of the family whose public documentation confirms the protocol, with what each
 * documents beyond the core (docs/research/sms-activate-family.md has the sources). The core is what
 * "compatible with the sms-activate API" means, and every server gets it: getBalance, getNumber,
 * getStatus and setStatus with the codes listed. The rest is offered only where it is documented.
 */
export interface FamilyServer {
	value: string;
	name: string;
	baseUrl: string;
	extensions: readonly ProtocolAction[];
	statuses: readonly number[];
	/** Whether it can push each incoming SMS to a webhook set in the account. */
	webhook: boolean;
}

const CORE_ACTIONS: readonly ProtocolAction[] = ['getBalance', 'getNumber', 'getStatus', 'setStatus'];

export const FAMILY_SERVERS: readonly FamilyServer[] = [
	{
		value: 'heroSms',
		name: 'HeroSMS',
		baseUrl: 'https://hero-sms.com/stubs/handler_api.php',
		extensions: ['getNumberV2', 'getStatusV2', 'getPrices', 'getCountries', 'getActiveActivations', 'getNumbersStatus'],
		statuses: [3, 6, 8],
		webhook: true,
	},
	{
		value: 'grizzlySms',
		name: 'GrizzlySMS',
		baseUrl: 'https://api.grizzlysms.com/stubs/handler_api.php',
		extensions: ['getNumberV2'],
		statuses: [1, 3, 6, 8],
		webhook: false,
	},
	{
		value: 'smsHub',
		name: 'SMSHub',
		baseUrl: 'https://smshub.org/stubs/handler_api.php',
		extensions: [],
		statuses: [1, 3, 6, 8],
		webhook: false,
	},
	{
		value: 'smsBower',
		name: 'SMSBower',
		baseUrl: 'https://smsbower.page/stubs/handler_api.php',
		extensions: ['getNumberV2', 'getPrices', 'getCountries'],
		statuses: [1, 3, 6, 8],
		webhook: true,
	},
	{
		value: 'sms365',
		name: '365sms',
		baseUrl: 'https://365sms.org/stubs/handler_api.php',
		extensions: ['getNumbersStatus'],
		statuses: [8],
		webhook: false,
	},
	{
		value: 'smsMan',
		name: 'sms-man',
		baseUrl: 'https://api.sms-man.com/stubs/handler_api.php',
		extensions: ['getPrices'],
		statuses: [8],
		webhook: false,
	},
	{
		value: 'smsOnline',
		name: 'sms.online',
		baseUrl: 'https://api.sms.online/stubs/handler_api.php',
		extensions: ['getPrices', 'getActiveActivations'],
		statuses: [8],
		webhook: true,
	},
	{
		value: 'onlinesim',
		name: 'Onlinesim (Alternative API)',
		baseUrl: 'https://api-conserver.onlinesim.io/stubs/handler_api.php',
		extensions: [],
		statuses: [1, 3, 6],
		webhook: false,
	},
];

/** A server not in the list: every action is tried, and the server's own answer says what it does not support. */
export const CUSTOM_SERVER = 'custom';

export const SMS_ACTIVATE: ActivationServer = {
	credentialType: 'smsActivateApi',
	productName: 'SMS-Activate Protocol',
	connect(credentials) {
		const token = String(credentials.apiKey ?? '').trim();
		const known = FAMILY_SERVERS.find((server) => server.value === credentials.server);
		if (!known) {
			const baseUrl = String(credentials.baseUrl ?? '').trim();
			let name = 'The server';
			try {
				name = new URL(baseUrl).hostname;
			} catch {
				// An invalid URL is reported by the transport, which names the credential to fix.
			}
			return {
				provider: 'smsActivate',
				name,
				baseUrl,
				token,
				documents: () => true,
				buysWithV2: false,
				statuses: new Set([1, 3, 6, 8]),
				cancelFee: 0,
			};
		}
		const actions = new Set<ProtocolAction>([...CORE_ACTIONS, ...known.extensions]);
		return {
			provider: known.value,
			name: known.name,
			// A base URL in the credential overrides the listed one (a mirror, or a server that moved).
			baseUrl: String(credentials.baseUrl || known.baseUrl).trim(),
			token,
			documents: (action) => actions.has(action),
			buysWithV2: actions.has('getNumberV2'),
			statuses: new Set(known.statuses),
			// The family refunds a cancelled activation in full (sms-activate's rule, which its servers copy).
			cancelFee: 0,
		};
	},
};
