/** What the dropdown loaders of every node share. */
import type { INodePropertyOptions } from 'n8n-workflow';

/** Dropdown options in alphabetical order of what the user reads. */
export const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);
