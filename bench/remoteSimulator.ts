/**
 * The provider simulator in a child process, driven over IPC: a real provider is another machine, so
 * the benchmarks that compare our client's time with an ideal keep the server's CPU out of the
 * measured process (with an in-process simulator, every answer it builds is time the node seems to take).
 *
 * `call('rentVerify.setPrice', 'usa', 'tg', {...})` runs that method of the child's simulator and
 * returns its result as JSON; `get('requests')` reads a property.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

import type { LoggedRequest, SimulatorOptions } from '../test/simulator';

export interface RemoteSimulator {
	url: string;
	rentVerifyUrl: string;
	call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
	get<T = unknown>(property: string): Promise<T>;
	/** The request log from `from` (an index) on, without bodies: what request counts need. */
	requestsSince(from: number): Promise<LoggedRequest[]>;
	close(): Promise<void>;
}

const CHILD = path.join(__dirname, 'remoteSimulator.child.js');

export async function startRemoteSimulator(options: SimulatorOptions = {}): Promise<RemoteSimulator> {
	const child: ChildProcess = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	let nextId = 0;
	const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
	child.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
		const waiter = pending.get(message.id);
		if (!waiter) return;
		pending.delete(message.id);
		if (message.ok) waiter.resolve(message.value);
		else waiter.reject(new Error(message.error));
	});
	child.on('exit', () => {
		for (const waiter of pending.values()) waiter.reject(new Error('the simulator process exited'));
		pending.clear();
	});
	const send = async <T>(op: string, target: string, args: unknown[]): Promise<T> =>
		await new Promise<T>((resolve, reject) => {
			const id = ++nextId;
			pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			child.send({ id, op, target, args });
		});
	const urls = await send<{ url: string; rentVerifyUrl: string }>('start', '', [options]);
	return {
		...urls,
		call: async <T>(method: string, ...args: unknown[]) => await send<T>('call', method, args),
		get: async <T>(property: string) => await send<T>('get', property, []),
		requestsSince: async (from: number) => await send<LoggedRequest[]>('requestsSince', '', [from]),
		async close() {
			await send('close', '', []).catch(() => undefined);
			await new Promise<void>((resolve) => {
				if (child.exitCode !== null) resolve();
				else child.once('exit', () => resolve());
			});
		},
	};
}
