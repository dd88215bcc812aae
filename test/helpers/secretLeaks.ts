/**
 * Finds a secret (a token, an API key) in a text in any form a leak could take: whole or any piece of 8 or more
 * characters, in any letter case, URL-encoded (once or twice), JSON- or HTML-escaped, split over lines or spaces.
 * Written apart from the nodes' redaction (nodes/shared/transport/secrets.ts), so that one checks the other.
 */

/** The shortest piece of a secret that counts as a leak. */
export const LEAK_PIECE = 8;

function decodeAll(text: string): string {
	let decoded = text;
	for (let pass = 0; pass < 3; pass++) {
		decoded = decoded
			// A run of backslashes is one escape, however often the text was quoted.
			.replace(/\\+/g, '\\')
			.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
			.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
			.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
			.replace(/&#(\d+);/g, (_, digits: string) => String.fromCodePoint(Number(digits)))
			.replace(/\\[nrt]/g, ' ')
			.replace(/\\(.)/g, '$1');
	}
	return decoded;
}

/** Every form the text is searched in: lower case, without whitespace, as is and decoded (also with `+` as a space). */
function forms(text: string): string[] {
	const squeeze = (value: string) => value.toLowerCase().replace(/\s+/g, '');
	return [squeeze(text), squeeze(decodeAll(text)), squeeze(decodeAll(text.replace(/\+/g, ' ')))];
}

/** The secrets (trimmed) that appear in the text, whole or as a piece of LEAK_PIECE or more characters. */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
	const searched = forms(text);
	return secrets.filter((raw) => {
		const secret = raw.trim().toLowerCase().replace(/\s+/g, '');
		const piece = Math.min(LEAK_PIECE, secret.length);
		for (let start = 0; start + piece <= secret.length; start++) {
			const window = secret.slice(start, start + piece);
			if (searched.some((form) => form.includes(window))) return true;
		}
		return false;
	});
}

/** How a server may echo a secret: each variant the nodes must keep out of every output, error and log. */
export function echoesOf(secret: string): Array<{ name: string; echo: string }> {
	const middle = Math.floor(secret.length / 2);
	return [
		{ name: 'whole', echo: secret },
		{ name: 'upper case', echo: secret.toUpperCase() },
		{ name: 'lower case', echo: secret.toLowerCase() },
		{ name: 'URL-encoded', echo: encodeURIComponent(secret) },
		{ name: 'URL-encoded, every character', echo: [...Buffer.from(secret)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('') },
		{ name: 'URL-encoded twice', echo: encodeURIComponent(encodeURIComponent(secret)) },
		{ name: 'JSON-escaped', echo: JSON.stringify(secret).slice(1, -1) },
		{ name: 'JSON-escaped as \\u', echo: [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('') },
		{ name: 'JSON-escaped as \\u, quoted into JSON again', echo: JSON.stringify([...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).slice(1, -1) },
		{ name: 'split over two lines', echo: `${secret.slice(0, middle)}\n${secret.slice(middle)}` },
		{ name: 'split over lines, JSON-escaped', echo: `${secret.slice(0, middle)}\\r\\n${secret.slice(middle)}` },
		{ name: 'the first 8 characters', echo: `${secret.slice(0, 8)}…` },
		{ name: 'the first 12 characters, upper case', echo: `${secret.slice(0, 12).toUpperCase()}...` },
		{ name: 'the last 8 characters', echo: `…${secret.slice(-8)}` },
		{ name: 'the last 20 characters, URL-encoded', echo: encodeURIComponent(secret.slice(-20)) },
		{ name: 'HTML-escaped', echo: [...secret].map((c) => `&#${c.charCodeAt(0)};`).join('') },
	];
}
