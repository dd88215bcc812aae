/**
 * A node's subtitle in words: the chosen operation's name as the node shows it ("Buy Number"), read
 * from the node's own operation options so the subtitle can never disagree with the dropdown.
 */
import type { INodeProperties } from 'n8n-workflow';

export function subtitleOf(properties: INodeProperties[]): string {
	const names: Record<string, Record<string, string>> = {};
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of property.displayOptions?.show?.resource ?? []) {
			const byValue: Record<string, string> = (names[String(resource)] ??= {});
			for (const option of property.options ?? []) {
				if ('value' in option && typeof option.value === 'string') byValue[option.value] = option.name;
			}
		}
	}
	// Plain ES5 in the expression: n8n evaluates subtitles in the editor and on the canvas.
	return `={{ (${JSON.stringify(names)}[$parameter["resource"]] || {})[$parameter["operation"]] || $parameter["operation"] }}`;
}
