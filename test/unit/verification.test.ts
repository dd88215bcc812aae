// The points of n8n's community node verification guidelines that can be checked offline, one test each
// (docs/VERIFICATION.md lists every point, with the check or the test that shows it): package source
// metadata, MIT license, no runtime dependencies, English only, no environment or file system access
// in the published code, and an icon for light and dark mode on every node and credential.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import * as path from 'node:path';

import * as ts from 'typescript';

const { githubRepository } = require('../../scripts/release-check.js') as { githubRepository: (url: unknown) => string | null };

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface PackageJson {
	name: string;
	license: string;
	keywords: string[];
	homepage: string;
	repository: { type: string; url: string };
	author: { name?: string; email?: string } | string;
	n8n: { nodes: string[]; credentials: string[] };
	[key: string]: unknown;
}
const pkg = JSON.parse(read('package.json')) as PackageJson;

/** The TypeScript source of a file package.json's `n8n` block lists (dist/x/Y.node.js → x/Y.node.ts). */
const sourceOf = (distFile: string) => distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');

/** Every .ts file under a folder of the repository. */
function tsFiles(folder: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(path.join(ROOT, folder))) {
		const rel = path.join(folder, entry);
		if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...tsFiles(rel));
		else if (entry.endsWith('.ts')) out.push(rel);
	}
	return out.sort();
}
const publishedSources = [...tsFiles('nodes'), ...tsFiles('credentials')];

/** An instance of the class a listed file exports (each exports exactly one). */
function instanceOf(distFile: string): any {
	const exported = require(path.join(ROOT, sourceOf(distFile))) as Record<string, new () => unknown>;
	const classes = Object.values(exported).filter((value) => typeof value === 'function');
	expect(classes).toHaveLength(1);
	return new classes[0]();
}

/** A node's descriptions: its own and, for a versioned node, each version's. */
function nodeDescriptions(node: any): any[] {
	return [node.description, ...Object.values<any>(node.nodeVersions ?? {}).map((version) => version.description)];
}

describe('package source', () => {
	test('repository.url is a GitHub repository and homepage is that repository', () => {
		const repository = githubRepository(pkg.repository.url);
		expect(pkg.repository.type).toBe('git');
		expect(repository).not.toBeNull();
		expect(githubRepository(pkg.homepage)).toBe(repository);
	});

	test('an author is set', () => {
		const author = typeof pkg.author === 'string' ? { name: pkg.author } : pkg.author;
		expect(author.name?.trim()).toBeTruthy();
		if (author.email !== undefined) expect(author.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
	});

	test('the license is MIT, in package.json and in LICENSE', () => {
		expect(pkg.license).toBe('MIT');
		expect(read('LICENSE')).toMatch(/^MIT License\n/);
	});

	test("it is named and tagged as n8n's community packages must be", () => {
		expect(pkg.name).toMatch(/^(@[a-z0-9-~][a-z0-9-._~]*\/)?n8n-nodes-/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
	});

	test('README has the sections n8n-node gives a community node README', () => {
		const headings = read('README.md')
			.split('\n')
			.filter((line) => line.startsWith('## '))
			.map((line) => line.slice(3).trim());
		expect(headings).toEqual(
			expect.arrayContaining(['Installation', 'Operations', 'Credentials', 'Compatibility', 'Usage', 'Resources', 'Version history']),
		);
	});
});

test('no runtime dependencies: only devDependencies, and n8n-workflow as the peer n8n provides', () => {
	for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
		expect({ [field]: pkg[field] }).toEqual({ [field]: undefined });
	}
	expect(Object.keys(pkg.peerDependencies as object)).toEqual(['n8n-workflow']);
});

describe('English only', () => {
	// A letter outside A-Z is another script (Cyrillic, as the sms-activate family's own documentation
	// uses, CJK, …) or an accented letter: English text has neither. Typography (… → – ’ ×) and the
	// micro sign (µs) are fine.
	const foreignLetters = (text: string) => text.match(/(?![A-Za-z\u00b5])\p{L}/gu) ?? [];

	/** Every string value in a description, with where it is. */
	function strings(value: unknown, at = ''): Array<[string, string]> {
		if (typeof value === 'string') return [[at, value]];
		if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${at}[${i}]`));
		if (value && typeof value === 'object') {
			return Object.entries(value).flatMap(([key, item]) => strings(item, at ? `${at}.${key}` : key));
		}
		return [];
	}
	const foreign = (value: unknown) => strings(value).filter(([, text]) => foreignLetters(text).length > 0);

	test.each(readdirSync(path.join(ROOT, 'test', 'descriptions')).filter((file) => file.endsWith('.json')))(
		'the checked-in description %s',
		(file) => {
			expect(foreign(JSON.parse(read(`test/descriptions/${file}`)))).toEqual([]);
		},
	);

	test.each(pkg.n8n.nodes)("the description of %s, every version's", (file) => {
		expect(foreign(nodeDescriptions(instanceOf(file)))).toEqual([]);
	});

	test.each(pkg.n8n.credentials)('the credential %s', (file) => {
		expect(foreign(instanceOf(file))).toEqual([]);
	});

	test('the published sources (names, descriptions, hints, error messages, comments) and README', () => {
		const offending = [...publishedSources, 'README.md'].flatMap((file) =>
			read(file)
				.split('\n')
				.flatMap((line, i) => (foreignLetters(line).length > 0 ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
		);
		expect(offending).toEqual([]);
	});
});

test('nodes and credentials are written in TypeScript (beside each node, its codex .node.json)', () => {
	const files = (folder: string): string[] =>
		readdirSync(path.join(ROOT, folder)).flatMap((entry) => {
			const rel = path.join(folder, entry);
			return statSync(path.join(ROOT, rel)).isDirectory() ? files(rel) : [rel];
		});
	const other = [...files('nodes'), ...files('credentials')].filter((file) => !/(\.ts|\.node\.json)$/.test(file));
	expect(other).toEqual([]);
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(existsSync(path.join(ROOT, sourceOf(file)))).toBe(true);
});

describe('no access to environment variables or the file system in nodes/ and credentials/', () => {
	const FS_MODULES = new Set(['fs', 'fs/promises', 'node:fs', 'node:fs/promises']);
	const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

	/** Each use of `process` or of the fs module in a file: "line: what". */
	function forbiddenUses(file: string, text = read(file)): string[] {
		const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
		const found: string[] = [];
		const at = (node: ts.Node, what: string) =>
			found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
		const moduleName = (node: ts.Expression | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : undefined);
		const visit = (node: ts.Node): void => {
			if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && FS_MODULES.has(moduleName(node.moduleSpecifier) ?? '')) {
				at(node, `imports ${moduleName(node.moduleSpecifier)}`);
			}
			if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
				const name = moduleName(node.moduleReference.expression);
				if (name && FS_MODULES.has(name)) at(node, `imports ${name}`);
			}
			if (ts.isCallExpression(node)) {
				const callee = node.expression;
				const loads = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
				const name = moduleName(node.arguments[0]);
				if (loads && name && FS_MODULES.has(name)) at(node, `loads ${name}`);
			}
			if (ts.isIdentifier(node) && node.text === 'process' && isReference(node)) at(node, 'uses process');
			if (
				ts.isPropertyAccessExpression(node) &&
				node.name.text === 'process' &&
				ts.isIdentifier(node.expression) &&
				GLOBAL_OBJECTS.has(node.expression.text)
			) {
				at(node, `uses ${node.expression.text}.process`);
			}
			if (ts.isElementAccessExpression(node) && moduleName(node.argumentExpression) === 'process') at(node, "uses ['process']");
			ts.forEachChild(node, visit);
		};
		visit(source);
		return found;
	}

	/** `process` as a value: not a property name (`x.process`, `{ process: 1 }`) nor a declared name. */
	function isReference(node: ts.Identifier): boolean {
		const parent = node.parent;
		if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
		if (ts.isQualifiedName(parent) && parent.right === node) return false;
		if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node) {
			return false;
		}
		if ((ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent)) && parent.name === node) return false;
		return true;
	}

	test('the scan finds every form of it, and not the word in names or comments', () => {
		const probe = [
			"import { readFileSync } from 'fs';",
			"import * as fsp from 'node:fs/promises';",
			"export { writeFile } from 'node:fs';",
			"const fs = require('fs');",
			"const later = import('fs/promises');",
			'const token = process.env.TOKEN;',
			'const env = globalThis.process.env;',
			"const p = globalThis['process'];",
			'// process in a comment, and as names:',
			'const item = { process: 1 }; item.process; class A { process() {} }',
		].join('\n');
		expect(forbiddenUses('probe.ts', probe).map((use) => use.replace(/^probe\.ts:/, ''))).toEqual([
			'1: imports fs',
			'2: imports node:fs/promises',
			'3: imports node:fs',
			'4: loads fs',
			'5: loads fs/promises',
			'6: uses process',
			'7: uses globalThis.process',
			"8: uses ['process']",
		]);
	});

	test.each(publishedSources)('%s', (file) => {
		expect(forbiddenUses(file)).toEqual([]);
	});
});

describe('an icon for light and dark mode', () => {
	/** The icon files a description references, as paths in this repository (n8n resolves them next to the
	 * built file; gulp copies icons/ to dist/icons/, so the same relative path holds in dist/). */
	function iconFiles(distFile: string, icon: unknown): { light: string; dark: string } {
		expect(icon).toEqual({ light: expect.stringMatching(/^file:.+\.svg$/), dark: expect.stringMatching(/^file:.+\.svg$/) });
		const { light, dark } = icon as { light: string; dark: string };
		expect(light).not.toBe(dark);
		const dir = path.dirname(sourceOf(distFile));
		return { light: path.join(dir, light.slice('file:'.length)), dark: path.join(dir, dark.slice('file:'.length)) };
	}

	const expectFiles = (files: { light: string; dark: string }) => {
		for (const file of [files.light, files.dark]) {
			expect(file.startsWith('icons/') && existsSync(path.join(ROOT, file))).toBe(true);
			expect(read(file)).toMatch(/<svg[\s>]/);
		}
	};

	test.each(pkg.n8n.nodes)('%s, in every version', (file) => {
		for (const description of nodeDescriptions(instanceOf(file))) expectFiles(iconFiles(file, description.icon));
	});

	test.each(pkg.n8n.credentials)('%s', (file) => {
		expectFiles(iconFiles(file, instanceOf(file).icon));
	});

	test('the build copies icons/ to dist/icons/', () => {
		expect(read('gulpfile.js')).toMatch(/src\('icons\/\*\*\/\*\.svg'[^)]*\)\.pipe\(dest\('dist\/icons'\)\)/);
	});
});
