// The browser the editor test drives: Debian's Chromium, not one puppeteer downloads (its download host is
// unreachable from where these tests run, and puppeteer-core never downloads anything anyway).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Where distributions put Chromium, in the order tried; CHROMIUM_PATH overrides them all. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium'];

function found(): string | undefined {
	const override = process.env.CHROMIUM_PATH;
	if (override) {
		if (!isExecutable(override)) throw new Error(`CHROMIUM_PATH=${override} is not an executable file`);
		return override;
	}
	return CANDIDATES.find(isExecutable);
}

function isExecutable(file: string): boolean {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

/**
 * The path of a usable Chromium. When there is none and this process is root on a Debian-like system, it
 * installs Debian's `chromium` package (apt-get update, then install: a fresh container has no package
 * lists); otherwise it fails saying what to install.
 */
export function ensureChromium(log: (message: string) => void = () => {}): string {
	const existing = found();
	if (existing) return existing;

	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasApt = isExecutable('/usr/bin/apt-get');
	if (!isRoot || !hasApt) {
		throw new Error(
			'The editor test needs Chromium and none was found (looked for ' +
				`${CANDIDATES.join(', ')}). Install it, e.g. \`sudo apt-get install -y chromium\` on Debian, ` +
				'`sudo apt-get install -y chromium-browser` on Ubuntu, or set CHROMIUM_PATH to a Chromium or Chrome binary.',
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
		log(`apt-get ${args.join(' ')}`);
		const result = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 10 * 60_000 });
		if (result.status !== 0) {
			throw new Error(
				`apt-get ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}); install Chromium ` +
					`yourself (apt-get install -y chromium) or set CHROMIUM_PATH.\n${(result.stderr || '').slice(-2000)}`,
			);
		}
	}
	const installed = found();
	if (!installed) throw new Error('apt-get installed chromium, but no chromium binary is where Debian puts it');
	return installed;
}
