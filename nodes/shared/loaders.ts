/** What the list searches of every node share. */
import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

/** Choices in alphabetical order of what the user reads. */
const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/**
 * A list search over choices the provider gives at once: the ones whose name or value contains what
 * the user typed (any case), in alphabetical order. The catalogs are small enough (at most a few
 * thousand entries) to send whole; n8n's list shows and scrolls them.
 */
export function searchChoices(choices: INodePropertyOptions[], filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = choices
		.filter((choice) => [choice.name, String(choice.value)].some((text) => text.toLowerCase().includes(needle)))
		.sort(byName)
		.map((choice) => ({ ...choice, value: String(choice.value) }));
	return { results };
}
