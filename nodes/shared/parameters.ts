/**
 * Checks of what the user gave a node: a value of the wrong type (often an expression that gave an object), out of
 * range, or empty fails with an error that names the field as the panel shows it, before any request is sent.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A value as an error message shows it: `"abc"`, `-5`, `an object`, `empty`. */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'empty';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 59)}…` : value}"`;
	return String(value);
}

function invalid(context: IExecuteFunctions, itemIndex: number, displayName: string, what: string, value: unknown, todo?: string) {
	return new NodeOperationError(context.getNode(), `${displayName} must be ${what}, not ${describeValue(value)}`, {
		description: `${todo ?? `Set ${displayName} to ${what}`}; an expression must give that too. Nothing was sent.`,
		itemIndex,
	});
}

export interface NumberRule {
	displayName: string;
	min?: number;
	max?: number;
	integer?: boolean;
	/** How the allowed values read in the message, e.g. "a number of seconds from 3 to 300". */
	what?: string;
}

/** A number field's value (a numeric string from an expression counts), checked against its range. */
export function checkNumber(context: IExecuteFunctions, itemIndex: number, value: unknown, rule: NumberRule): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const range =
		rule.min !== undefined && rule.max !== undefined
			? ` from ${rule.min} to ${rule.max}`
			: rule.min !== undefined
				? ` of at least ${rule.min}`
				: rule.max !== undefined
					? ` of at most ${rule.max}`
					: '';
	const what = rule.what ?? `${rule.integer ? 'a whole number' : 'a number'}${range}`;
	if (
		typeof number !== 'number' ||
		!Number.isFinite(number) ||
		(rule.integer === true && !Number.isInteger(number)) ||
		(rule.min !== undefined && number < rule.min) ||
		(rule.max !== undefined && number > rule.max)
	) {
		throw invalid(context, itemIndex, rule.displayName, what, value);
	}
	return number;
}

/** A text field's value (a number from an expression counts), trimmed; empty is allowed unless `required`. */
export function checkText(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	rule: { displayName: string; required?: boolean },
): string {
	if (value === undefined || value === null) {
		if (rule.required) throw invalid(context, itemIndex, rule.displayName, 'set', value, `Fill in ${rule.displayName}`);
		return '';
	}
	if (typeof value !== 'string' && typeof value !== 'number') throw invalid(context, itemIndex, rule.displayName, 'text', value);
	const text = String(value).trim();
	if (rule.required && text === '') throw invalid(context, itemIndex, rule.displayName, 'set', value, `Fill in ${rule.displayName}`);
	return text;
}

/** A boolean field's value; `"true"` and `"false"` from an expression count. */
export function checkBoolean(context: IExecuteFunctions, itemIndex: number, value: unknown, rule: { displayName: string }): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw invalid(context, itemIndex, rule.displayName, 'true or false', value);
}

/** An options field's value: one of the values it offers. */
export function checkOption<T extends string>(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	rule: { displayName: string; values: readonly T[] },
): T {
	if (typeof value === 'string' && (rule.values as readonly string[]).includes(value)) return value as T;
	throw invalid(context, itemIndex, rule.displayName, `one of ${rule.values.map((v) => `"${v}"`).join(', ')}`, value);
}
