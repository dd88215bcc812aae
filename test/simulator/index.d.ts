// Public API of the provider simulator (test/simulator/index.js). Keep in step with the implementation.

export type Provider = 'rentVerify' | 'otpVerified';

/** How a logged request ended; null while it is still in flight (e.g. a latency or hang fault). */
export type Outcome = 'answered' | 'reset-before' | 'reset-after' | 'timeout';

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default '127.0.0.1'. The control API only answers loopback clients. */
	host?: string;
	/**
	 * Give every new activation a random 6-digit code, and every new rental a default message, once
	 * `afterPolls` status polls have been answered (the first `afterPolls` polls still see no code).
	 */
	autoDeliver?: { afterPolls: number } | null;
	/** Accepted RentVerify tokens; default [DEMO_RENTVERIFY_TOKEN]. NO_ROLE_RENTVERIFY_TOKEN is always known. */
	rentVerifyTokens?: string[];
	/** Accepted OTPVerified API keys; default [DEMO_OTPVERIFIED_TOKEN]. */
	otpVerifiedTokens?: string[];
	/** Seed for codes, ids, phone numbers and message ids (default fixed, so runs repeat). */
	seed?: number;
	/** Where the simulator clock starts (ms since epoch); it then runs in real time. Default: now. */
	startTime?: number;
	/** RentVerify activation lifetime; default 20 minutes. */
	activationLifetimeMs?: number;
	/** When set, an activation leaves the active list this long after a code arrived (see rentVerify.finish). */
	finishAfterCodeMs?: number | null;
	/** Initial balances in dollars; defaults 25.50 and 50.00. */
	rentVerifyBalance?: number;
	otpVerifiedBalance?: number;
}

export interface LoggedRequest {
	seq: number;
	provider: Provider;
	/** e.g. 'getNumber', 'request-rental'; for handler_api.php the `action`. */
	route: string;
	method: string;
	path: string;
	/** Query parameters, without any api_key (tokens and auth headers are never recorded). */
	query: Record<string, string>;
	/** Parsed JSON body, the raw text when it is not JSON, null when empty. */
	body: unknown;
	/** Simulator clock time the request arrived. */
	at: number;
	/** HTTP status sent, or null when nothing was sent. */
	status: number | null;
	outcome: Outcome | null;
}

export type FaultSpec = { times?: number } & (
	| { kind: 'latency'; ms: number }
	| { kind: 'hang' }
	| { kind: 'status'; status: number; body?: string }
	| { kind: 'html' }
	| { kind: 'empty' }
	| { kind: 'word'; body: string; status?: number }
	| { kind: 'resetBefore' }
	| { kind: 'resetAfter' }
	| { kind: 'rateLimit' }
	| { kind: 'errorSql' }
);

export type PendingFault = FaultSpec & { provider: Provider; route: string; times: number; remaining: number };

export type ActivationStatus = 'waiting' | 'received' | 'retry' | 'cancelled' | 'expired';

export interface Activation {
	/** Decimal string above 2^32. */
	id: string;
	/** E.164 with '+'. */
	phone: string;
	service: string;
	country: string;
	/** Dollars. */
	cost: number;
	/** 'retry' = STATUS_WAIT_RETRY; 'expired' = lifetime over without a code. */
	status: ActivationStatus;
	/** Left the active list (finish(), finishAfterCodeMs, or lifetime over after a code); getStatus keeps its answer. */
	finished: boolean;
	codes: Array<{ code: string; at: number }>;
	/** getStatus calls answered for it. */
	polls: number;
	createdAt: number;
	expiresAt: number;
}

/** Exactly one of afterPolls (the first n polls see nothing, poll n+1 sees it) or atMs (simulator clock time). */
export type ScriptTrigger = { afterPolls: number; atMs?: never } | { atMs: number; afterPolls?: never };

export interface RentVerifyControl {
	setBalance(dollars: number): void;
	balance(): number;
	/** Changes a price or availability; creates the pair (price required) for a known country and service. */
	setPrice(country: string, service: string, change: { price?: number; available?: number }): void;
	activation(id: string): Activation;
	activations(): Activation[];
	/** A code arrives now (random 6 digits when omitted). Throws (status 409) if the activation is closed. */
	deliverCode(id: string, code?: string): Activation;
	scriptCode(id: string, script: ScriptTrigger & { code?: string }): Activation;
	/** The service asks for another SMS: getStatus answers STATUS_WAIT_RETRY:{last code} until a new code. */
	requestRetry(id: string): Activation;
	/** Removes the activation from the active list; getStatus keeps answering its last status. */
	finish(id: string): Activation;
}

export interface RentalMessage {
	/** 8 hex digits. */
	id: string;
	orderId: string;
	/** 'YYYY-MM-DD HH:MM:SS EDT' (or EST), US Eastern wall time. */
	timestamp: string;
	service: string;
	sender: string;
	number: string;
	message: string;
	/** As the provider extracted it ('G-276964'); null when the text has no code. */
	pin: string | null;
}

export interface MessageContent {
	sender?: string;
	/** Default: the service's usual SMS around `pin`. */
	message?: string;
	/** Default: generated (e.g. 'G-276964'), or extracted from `message` when only that is given. */
	pin?: string;
}

export interface Rental {
	orderId: string;
	serviceId: string;
	serviceName: string;
	/** Digits without '+', e.g. '19128648532'. */
	number: string;
	areas: string | null;
	/** 'oneDay' … 'ninetyDay'. */
	duration: string;
	days: number;
	/** Charged price, e.g. '3.46'. */
	price: string;
	status: 'reserved' | 'released' | 'expired';
	purchasedAt: number;
	expiresAt: number;
	messages: RentalMessage[];
	/** rental-messages calls answered for it. */
	polls: number;
}

export interface OtpVerifiedControl {
	setBalance(dollars: number): void;
	balance(): number;
	rental(orderId: string): Rental;
	rentals(): Rental[];
	/** A message arrives (at `at`, default now). Throws (status 409) if the rental was released or expired. */
	addMessage(orderId: string, content?: MessageContent & { at?: number }): RentalMessage;
	scriptMessage(orderId: string, script: ScriptTrigger & MessageContent): Rental;
}

export interface SimulatorState {
	now: number;
	rentVerify: {
		balance: number;
		activations: Activation[];
		prices: Record<string, Record<string, { price: number; available: number; price_id: string }>>;
	};
	otpVerified: { balance: number; rentals: Rental[] };
	faults: PendingFault[];
}

export interface Simulator {
	/** 'http://127.0.0.1:PORT' */
	readonly url: string;
	readonly port: number;
	/** `${url}/rentverify/api/v1`: what a RentVerify credential's base URL points at. */
	readonly rentVerifyUrl: string;
	/** `${url}/otpverified/api/v1` */
	readonly otpVerifiedUrl: string;
	/** `${url}/rentverify/stubs/handler_api.php`: the sms-activate URL style (?api_key=…&action=…). */
	readonly rentVerifyStubUrl: string;
	readonly rentVerify: RentVerifyControl;
	readonly otpVerified: OtpVerifiedControl;
	/** Every provider request, oldest first (control API requests are not logged). */
	readonly requests: readonly LoggedRequest[];
	/** Requests that reached the route, whatever their outcome. */
	count(provider: Provider, route: string): number;
	/** Successful spends: activations bought / rentals made. */
	purchases(provider: Provider): number;
	now(): number;
	advanceTime(ms: number): void;
	/** Queues a fault for the next request(s) to that route; faults are consumed in order. */
	fault(provider: Provider, route: string, spec: FaultSpec): void;
	clearFaults(): void;
	state(): SimulatorState;
	/** Back to the initial state: clock, balances, catalog, no activations/rentals, no faults, empty log. */
	reset(): void;
	/** Stops the server and drops every open connection at once. */
	close(): Promise<void>;
}

export function startSimulator(options?: SimulatorOptions): Promise<Simulator>;

/** 64-char lowercase hex. */
export const DEMO_RENTVERIFY_TOKEN: string;
/** 64-char lowercase hex; a valid account that may not use the API (NO_ACTIVATION, 403). */
export const NO_ROLE_RENTVERIFY_TOKEN: string;
/** 'otpv_demo_…' */
export const DEMO_OTPVERIFIED_TOKEN: string;
