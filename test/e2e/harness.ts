// Typed access to the plain-JS scripts the e2e tests drive: the real-n8n runtime (scripts/n8nRuntime.js)
// and `npm start`'s set-up (scripts/start.js). They are CommonJS without type declarations, so they are
// required here once and given the shapes the tests rely on.
import * as path from 'node:path';

import type { Simulator } from '../simulator';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-sms-verification';
export const NODE_TYPES = [`${PACKAGE_NAME}.rentVerify`, `${PACKAGE_NAME}.rentVerifyTrigger`, `${PACKAGE_NAME}.otpVerified`, `${PACKAGE_NAME}.otpVerifiedTrigger`];

export interface CliResult {
	stdout: string;
	stderr: string;
	code: number | string | null;
}

export interface RunningN8n {
	url: string;
	stop(): Promise<void>;
	output(): string;
}

export interface Credential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** The parts of n8n's execution object (as `n8n execute --rawOutput` prints it) the tests read. */
export interface Execution {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>;
			error?: { message: string; description?: string };
		};
	};
}

export interface Runtime {
	ensureN8n(opts?: { log?: (message: string) => void }): Promise<{ dir: string; n8nVersion: string }>;
	linkPackage(userFolder: string, packageRoot: string): string;
	n8nCli(args: string[], opts: { userFolder: string }): Promise<CliResult>;
	importCredentials(userFolder: string, creds: Credential[]): Promise<CliResult>;
	importWorkflows(userFolder: string, workflows: object[]): Promise<CliResult>;
	executeWorkflow(userFolder: string, id: string): Promise<Execution>;
	startN8n(opts: { userFolder: string; port?: number; brokerPort?: number; env?: Record<string, string> }): Promise<RunningN8n>;
	freePort(): Promise<number>;
}

export interface StartScript {
	setUp(opts: {
		userFolder: string;
		port?: number;
		brokerPort?: number;
		simulator: Simulator;
		env?: Record<string, string | undefined>;
		log?: (message: string) => void;
		/** n8n's log (stdout and stderr) as it is written. */
		onOutput?: (chunk: Buffer | string) => void;
	}): Promise<{
		url: string;
		owner: { email: string; password: string };
		credentials: Array<{ id: string; name: string; type: string }>;
		workflows: Array<{ id: string; name: string }>;
		stop(): Promise<void>;
	}>;
	/** Manual Trigger → each step (one of our nodes, by its short type name), as `n8n import:workflow` takes it. */
	exampleWorkflow(opts: {
		id: string;
		name: string;
		steps: Array<{ node: 'rentVerify' | 'otpVerified' | 'smsActivate'; name: string; parameters: Record<string, unknown> }>;
		credential: { id: string; name: string; type: string };
	}): { id: string; name: string };
}

export const runtime: Runtime = require(path.join(ROOT, 'scripts', 'n8nRuntime.js'));
export const startScript: StartScript = require(path.join(ROOT, 'scripts', 'start.js'));

/** Install progress goes to the terminal as it happens: the first run on a machine takes minutes. */
export const progress = (message: string): void => {
	process.stderr.write(`[n8n-runtime] ${message}\n`);
};

/** Items the named node output in a finished execution. */
export function nodeOutput(execution: Execution, nodeName: string): Array<Record<string, unknown>> {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs?.[0]?.data) throw new Error(`node "${nodeName}" did not output anything: ${JSON.stringify(execution.data.resultData.error)}`);
	return runs[0].data.main[0].map((item) => item.json);
}
