/**
 * Pure normalizers shared by both providers: the output promises E.164 phones, numbers for money,
 * ISO-8601 UTC times with the original kept beside them, and the plain digits of a code.
 */

/** The most digits an E.164 number has, and the fewest a real subscriber number has. */
const PHONE_DIGITS = { min: 5, max: 15 };

/**
 * `+12025551234` from `12025551234`, `+1 (202) 555-1234`, `0012025551234` or a JSON number.
 * A phone is digits with an optional leading `+` or `00`; spaces, dashes, dots and parentheses between
 * them are formatting. Anything else (letters, `*` masks, a fraction, more than 15 digits) is not a phone:
 * null, never digits picked out of junk (`abc5` is not `+5`). See `maskedPhone` for `79********1`.
 */
export function toE164(phone: unknown): string | null {
	let text: string;
	if (typeof phone === 'number') {
		if (!Number.isSafeInteger(phone) || phone < 0) return null;
		text = String(phone);
	} else if (typeof phone === 'string') {
		text = phone.trim();
	} else {
		return null;
	}
	if (text.length > 64) return null;
	const match = /^(\+|00)?([\d\s().-]*)$/.exec(text);
	if (!match) return null;
	const digits = match[2].replace(/\D/g, '');
	if (!/^\s*\(?\d/.test(match[2]) || digits.length < PHONE_DIGITS.min || digits.length > PHONE_DIGITS.max) return null;
	return `+${digits}`;
}

/**
 * A phone the provider masked (`79********1`, `+7958******`): digits and mask characters, at least one
 * of each. Returned as given (trimmed) so the output never invents digits; null for anything else.
 */
export function maskedPhone(phone: unknown): string | null {
	if (typeof phone !== 'string') return null;
	const text = phone.trim();
	if (text.length > 64 || !/^\+?[\d*xX•]+$/.test(text)) return null;
	return /\d/.test(text) && /[*xX•]/.test(text) ? text : null;
}

/** A decimal number as text: `3.46`, `-1.5`, `.5`, `1e3`; never `0x10`, `0b1`, `Infinity` or `1_000`. */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A finite number from a number or a decimal string (`"3.46"`); null when it is not one.
 * Numbers are decimal only: `Number()` would read `0x10` as 16, `0b1` as 1 and `" "` as 0.
 */
export function toNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (text.length === 0 || text.length > 400 || !DECIMAL.test(text)) return null;
	const parsed = Number(text);
	return Number.isFinite(parsed) ? parsed : null;
}

/** A count (numbers available): a non-negative whole decimal number, or null. */
export function toCount(value: unknown): number | null {
	const count = toNumber(value);
	return count !== null && Number.isSafeInteger(count) && count >= 0 ? count : null;
}

/** Ids stay strings end to end: some exceed 32 bits, and a few clients broke on that. */
export function toId(value: unknown): string {
	return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * An id as the providers send it, strictly: a non-empty string (trimmed) or a whole non-negative JSON
 * number, always returned as a string. Null for anything else (missing, empty, `true`, an object, `1.5`),
 * so a list entry without a usable id is refused instead of becoming a blank row.
 */
export function asId(value: unknown): string | null {
	if (typeof value === 'string') {
		const id = value.trim();
		// No control character: nothing below U+0020 (a class without control characters, as n8n-node's lint wants).
		return id.length > 0 && id.length <= 200 && !/[^\u0020-\uffff]/.test(id) ? id : null;
	}
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
	return null;
}

/** A text field as a string: strings as they are, numbers in decimal; null for anything else. */
export function asText(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** One pair of matching quotes (`"…"` or `'…'`) and the spaces around the text taken off, as the family's docs write `'code'`. */
export function unquote(text: string): string {
	let value = text.trim();
	if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
		value = value.slice(1, -1).trim();
	}
	return value;
}

/** The digits of a code (`G-276964` → `276964`); the original is always kept beside it. */
export function codeDigits(code: unknown): string | null {
	if (typeof code !== 'string' && typeof code !== 'number') return null;
	const digits = String(code).replace(/\D/g, '');
	return digits.length > 0 ? digits : null;
}

/** The most likely one-time code in an SMS text: the longest run of 4 to 8 digits. */
export function findCodeInText(text: unknown): string | null {
	if (typeof text !== 'string') return null;
	const runs = text.match(/(?<!\d)\d{4,8}(?!\d)/g);
	if (!runs) return null;
	return runs.reduce((best, run) => (run.length > best.length ? run : best));
}

// US zone abbreviations OTPVerified puts on message times, as offsets from UTC in hours.
const ZONE_OFFSETS: Record<string, number> = {
	UTC: 0,
	GMT: 0,
	Z: 0,
	EST: -5,
	EDT: -4,
	CST: -6,
	CDT: -5,
	MST: -7,
	MDT: -6,
	PST: -8,
	PDT: -7,
	AKST: -9,
	AKDT: -8,
	HST: -10,
};

const PROVIDER_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:\s*([A-Za-z]{1,4}))?$/;

/**
 * ISO-8601 UTC from the times both providers send: `2025-04-26 12:43:00` (UTC without a zone),
 * `2025-07-11 13:50:49 EDT` (a US zone abbreviation), or an ISO string with an offset.
 * Null when the text is not a time we can place for certain.
 */
export function toIsoUtc(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	const text = value.trim();
	const match = PROVIDER_TIME.exec(text);
	if (match) {
		const [, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
		const zoneName = zone?.toUpperCase();
		if (zoneName !== undefined && !Object.hasOwn(ZONE_OFFSETS, zoneName)) return null;
		const offsetHours = zoneName === undefined ? 0 : ZONE_OFFSETS[zoneName];
		const wallMs = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, Math.round(Number(`0${fraction}`) * 1000));
		// Date.UTC rolls impossible dates over (February 30th becomes March 2nd): refuse them instead.
		const wall = new Date(wallMs);
		if (wall.getUTCDate() !== +day || wall.getUTCMonth() !== +month - 1 || +hour > 23 || +minute > 59 || +second > 59) {
			return null;
		}
		return new Date(wallMs - offsetHours * 3_600_000).toISOString();
	}
	// Anything else must carry its own offset (ISO 8601 with `Z` or `±hh:mm`) to be trusted.
	if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
		const parsed = Date.parse(text);
		return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
	}
	return null;
}

/** How deep a provider's JSON may nest: the documented answers nest four or five levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether a JSON text nests deeper than `maxDepth` (strings skipped), counted without parsing it:
 * a deeper answer is refused before anything recursive (ours, or n8n's when it stores the output) meets it.
 */
export function exceedsJsonDepth(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		if (inString) {
			if (char === 0x5c) index++; // backslash: skip the escaped character
			else if (char === 0x22) inString = false;
		} else if (char === 0x22) {
			inString = true;
		} else if (char === 0x7b || char === 0x5b) {
			if (++depth > maxDepth) return true;
		} else if (char === 0x7d || char === 0x5d) {
			depth--;
		}
	}
	return false;
}

/**
 * JSON.parse that keeps long integer ids exact: ids beyond 2^53 would lose digits as JSON numbers,
 * so the id fields the providers send are read as strings when they hold 16 digits or more.
 */
export function parseJsonKeepingIds(text: string): unknown {
	return JSON.parse(text.replace(/"(id|activationId|orderId|price_id|priceId)"\s*:\s*(-?\d{16,})(?=\s*[,}\]])/g, '"$1":"$2"'));
}

/**
 * A JSON list, also when it arrives as an object keyed "0", "1", … (every index once, no other key) or as
 * `{}` for an empty one. Any other object is not a list: undefined, never its values read as entries.
 */
export function asList(value: unknown): unknown[] | undefined {
	if (Array.isArray(value)) return value;
	if (!isPlainObject(value)) return undefined;
	const keys = Object.keys(value);
	for (let index = 0; index < keys.length; index++) {
		if (!Object.hasOwn(value, String(index))) return undefined;
	}
	return keys.map((_key, index) => value[String(index)]);
}

/** Whether a JSON value is an object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A provider's text, shortened for an error message so a whole HTML page never lands in one. */
export function quote(text: string, maxLength = 120): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}
