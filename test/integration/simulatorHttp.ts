// What the simulator's own tests (simulator.test.ts, simulatorFlavours.test.ts) share: one simulator per test
// file, reset before each test, an HTTP answer as they read it, and the simulator's control API.
import { startSimulator, type Simulator } from '../simulator';

/** An HTTP answer with its body read as text. */
export interface Answer {
	status: number;
	type: string;
	body: string;
	headers: Headers;
}

export async function answer(response: Response): Promise<Answer> {
	return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text(), headers: response.headers };
}

export interface ControlAnswer {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the control API's many shapes, read by each test
	json: any;
}

/**
 * Starts one simulator for the test file (on a free port, reset before each test) and hands it to `onStart`;
 * returns `control`, a call to that simulator's control API (`/__sim/<path>`, a JSON body).
 */
export function useSimulator(onStart: (sim: Simulator) => void): { control(method: string, path: string, body?: unknown): Promise<ControlAnswer> } {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
		onStart(sim);
	});
	afterAll(async () => {
		await sim?.close();
	});
	beforeEach(() => sim?.reset());
	return {
		async control(method, path, body) {
			if (!sim) throw new Error('the simulator is not started yet');
			const response = await fetch(`${sim.url}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
			return { status: response.status, json: await response.json() };
		},
	};
}
