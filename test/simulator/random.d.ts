/** mulberry32: the same seed gives the same numbers in [0, 1) on every machine (the simulator's own source of randomness). */
export function mulberry32(seed: number): () => number;

export function createRandom(seed: number): {
	next(): number;
	/** True with probability `p`. */
	chance(p: number): boolean;
	int(min: number, max: number): number;
	digits(count: number): string;
	hex(count: number): string;
	pick<T>(items: T[]): T;
};
