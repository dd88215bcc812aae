/**
 * Pure normalizers shared by both providers: the output promises E.164 phones, numbers for money,
 * ISO-8601 UTC times with the original kept beside them, and the plain digits of a code.
 */

/** `+12025551234` from `12025551234`, `+1 (202) 555-1234`, `0012025551234` or a JSON number. */
export function toE164(phone: unknown): string | null {
	if (phone === null || phone === undefined) return null;
	let digits = String(phone).replace(/[^\d]/g, '');
	if (String(phone).trim().startsWith('00')) digits = digits.slice(2);
	return digits.length > 0 ? `+${digits}` : null;
}

/** A number from a number or a numeric string (`"3.46"`); null when it is not one. */
export function toNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string' || value.trim() === '') return null;
	const parsed = Number(value.trim());
	return Number.isFinite(parsed) ? parsed : null;
}

/** Ids stay strings end to end: some exceed 32 bits, and a few clients broke on that. */
export function toId(value: unknown): string {
	return value === null || value === undefined ? '' : String(value).trim();
}

/** The digits of a code (`G-276964` → `276964`); the original is always kept beside it. */
export function codeDigits(code: unknown): string | null {
	if (code === null || code === undefined) return null;
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

/**
 * JSON.parse that keeps long integer ids exact: ids beyond 2^53 would lose digits as JSON numbers,
 * so the id fields the providers send are read as strings when they hold 16 digits or more.
 */
export function parseJsonKeepingIds(text: string): unknown {
	return JSON.parse(text.replace(/"(id|activationId|orderId|price_id|priceId)"\s*:\s*(-?\d{16,})(?=\s*[,}\]])/g, '"$1":"$2"'));
}

/** A JSON list, also when it arrives as an object keyed "0", "1", … or as `{}` for an empty one. */
export function asList(value: unknown): unknown[] | undefined {
	if (Array.isArray(value)) return value;
	if (value && typeof value === 'object') return Object.values(value);
	return undefined;
}

/** A provider's text, shortened for an error message so a whole HTML page never lands in one. */
export function quote(text: string, maxLength = 120): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}
