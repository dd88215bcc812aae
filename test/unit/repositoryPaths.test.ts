// Nothing in the repository leans on what is outside it: no file names a folder of the machine it was
// written on, a note that is not in the repository, or a relative path (import, require, Markdown link) that
// climbs out of the clone. What a reader needs must be in the repository, e.g. in docs/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** The files git tracks, text only (the screenshots and icons are not read). */
const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
	.split('\0')
	.filter((file) => file !== '' && !/\.(png|jpe?g|gif|ico|svg|tgz|gz|zip|woff2?)$/i.test(file));

const read = (file: string): string => {
	try {
		return readFileSync(path.join(ROOT, file), 'utf8');
	} catch {
		return ''; // deleted in the work tree, not yet in git
	}
};

/** Places outside the repository that have been named in files before. */
const OUTSIDE = [
	{ pattern: /\/work\//, what: 'a folder of the machine (/work/)' },
	{ pattern: /\/root\//, what: "a home folder (/root/)" },
	{ pattern: /N8N-NOTES/, what: 'N8N-NOTES.md, which is not in the repository (docs/N8N.md is)' },
	{ pattern: /the issue's bound/i, what: "an issue's text instead of the number it gives" },
];

test('no file names a folder or a note outside the repository', () => {
	const found: string[] = [];
	for (const file of files) {
		// This test names them to look for them.
		if (file === 'test/unit/repositoryPaths.test.ts') continue;
		read(file)
			.split('\n')
			.forEach((line, index) => {
				for (const { pattern, what } of OUTSIDE) if (pattern.test(line)) found.push(`${file}:${index + 1}: ${what}`);
			});
	}
	expect(found).toEqual([]);
});

/** Relative paths a file names: module specifiers, and Markdown link targets. */
function relativePaths(file: string, text: string): string[] {
	const specifiers = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
	if (!file.endsWith('.md')) return specifiers;
	const links = [...text.matchAll(/\]\(([^)\s#]+)[^)]*\)/g)].map((m) => m[1]).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
	return [...specifiers, ...links];
}

test('no import, require or Markdown link climbs out of the repository', () => {
	const found: string[] = [];
	for (const file of files.filter((f) => /\.(ts|js|mjs|cjs|md)$/.test(f))) {
		for (const target of relativePaths(file, read(file))) {
			const resolved = path.resolve(ROOT, path.dirname(file), target);
			if (path.relative(ROOT, resolved).startsWith('..')) found.push(`${file}: ${target}`);
		}
	}
	expect(found).toEqual([]);
});
