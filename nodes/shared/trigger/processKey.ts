import type { IPollFunctions } from 'n8n-workflow';

/**
 * The key of what one n8n process remembers about a trigger between its polls (pollState.ts) or pushes
 * (webhook/receive.ts): one per workflow and node.
 */
export function triggerKeyOf(context: Pick<IPollFunctions, 'getWorkflow' | 'getNode'>): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().name}`;
}
