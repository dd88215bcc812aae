/**
 * Finding a token in text a server sent back, in every form a server may echo it in, and hiding it.
 * Changes when a new way of echoing a token is found.
 */

/** The shortest piece of a token that counts as the token: a server that cuts it short still gives it away. */
const SECRET_PIECE = 8;
const SECRET_PATTERNS = new Map<string, RegExp>();

/** One character of a secret in every form a server may echo it in: as is in any case, URL-encoded, JSON-escaped. */
function secretCharacter(character: string): string {
	const forms = new Set<string>([character.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')]);
	const code = character.charCodeAt(0);
	const hex = code.toString(16).padStart(2, '0');
	for (const byte of Buffer.from(character, 'utf8')) {
		const byteHex = byte.toString(16).padStart(2, '0');
		forms.add(`%${byteHex}`);
		forms.add(`%25${byteHex}`);
	}
	if (character === ' ') forms.add('\\+');
	// JSON-escaped, also twice or more (a JSON string quoted into another).
	forms.add(`\\\\+u${code.toString(16).padStart(4, '0')}`);
	if (character === '/' || character === '"' || character === '\\') forms.add(`\\\\+\\${character}`);
	forms.add(`&#x0*${hex};`);
	forms.add(`&#0*${code};`);
	return `(?:${[...forms].join('|')})`;
}

/** What may come between two characters of an echoed secret: a line break or spaces (raw, JSON-escaped or URL-encoded). */
const BETWEEN = '(?:\\s|\\\\+[nrt]|%0[ad])*';

/**
 * Finds a secret in the forms a server may echo it in: whole or cut to a prefix or a suffix of 8 or more
 * characters, in any letter case, URL-encoded (once or twice), JSON- or HTML-escaped, split over lines.
 */
function secretPattern(secret: string): RegExp {
	const cached = SECRET_PATTERNS.get(secret);
	if (cached) return cached;
	const units = [...secret].map(secretCharacter);
	const piece = Math.min(SECRET_PIECE, units.length);
	// A prefix: the first `piece` characters, then each further one only after the one before it.
	let prefix = '';
	for (let index = units.length - 1; index >= piece; index--) prefix = `(?:${BETWEEN}${units[index]}${prefix})?`;
	prefix = units.slice(0, piece).join(BETWEEN) + prefix;
	// A suffix: the last `piece` characters, each earlier one only before the one after it.
	let suffix = '';
	for (let index = 0; index < units.length - piece; index++) suffix = `(?:${suffix}${units[index]}${BETWEEN})?`;
	suffix += units.slice(units.length - piece).join(BETWEEN);
	const pattern = new RegExp(`${prefix}|${suffix}`, 'gi');
	if (SECRET_PATTERNS.size > 100) SECRET_PATTERNS.clear();
	SECRET_PATTERNS.set(secret, pattern);
	return pattern;
}

/**
 * The text with every secret (the token) replaced by `***`: whole, or cut to 8 or more of its first or
 * last characters, whatever the letter case, URL-encoded, JSON- or HTML-escaped, or split over lines.
 * A key saved with spaces around it is looked for without them (that is how it is sent).
 */
export function scrubSecrets(text: string, secrets: string[]): string {
	let clean = text;
	let decoded: { plain: string; decoded: string } | undefined;
	for (const raw of secrets) {
		const secret = raw.trim();
		if (secret.length < 4) continue;
		// The full search costs about 0.3 µs a character (a price list of megabytes takes a while): a text in
		// which no decoded form holds a piece of the secret is left as it is without it.
		if (PLAIN_SECRET.test(secret)) {
			decoded ??= decodedForms(clean);
			const lower = secret.toLowerCase();
			const pieces = [lower.slice(0, SECRET_PIECE), lower.slice(-SECRET_PIECE)];
			if (!pieces.some((piece) => decoded?.plain.includes(piece) || decoded?.decoded.includes(piece))) continue;
		}
		clean = clean.replace(secretPattern(secret), '***');
		decoded = undefined;
	}
	return clean;
}

/** Secrets of printable ASCII without the characters that encodings are made of: for these the quick check is exact. */
const PLAIN_SECRET = /^[\x21-\x24\x27-\x5b\x5d-\x7e]+$/;

/** Every encoding `secretPattern` knows, for undoing them in one pass. */
const ENCODED = /%(?:25)?([0-9a-f]{2})|\\u([0-9a-f]{4})|&#x0*([0-9a-f]{1,6});|&#0*(\d{1,7});|\\([/"\\])|\\[nrt]/g;

/** The text in lower case without spaces and line breaks, as is and with every encoding `secretPattern` knows undone. */
function decodedForms(text: string): { plain: string; decoded: string } {
	const lower = text.toLowerCase();
	const fromCode = (code: number) => (code <= 0x10ffff ? String.fromCodePoint(code) : '');
	const decode = (text: string) =>
		text.replace(ENCODED, (_, url?: string, json?: string, hex?: string, decimal?: string, escaped?: string) => {
			if (url !== undefined) return String.fromCharCode(parseInt(url, 16));
			if (json !== undefined) return fromCode(parseInt(json, 16));
			if (hex !== undefined) return fromCode(parseInt(hex, 16));
			if (decimal !== undefined) return fromCode(Number(decimal));
			return escaped ?? ' ';
		});
	// Encodings inside encodings (a JSON string quoted into another): undone until nothing changes, three times at most.
	let decoded = lower;
	for (let pass = 0; pass < 3; pass++) {
		const next = decode(decoded).toLowerCase();
		if (next === decoded) break;
		decoded = next;
	}
	return { plain: lower.replace(/\s+/g, ''), decoded: decoded.replace(/\s+/g, '') };
}
