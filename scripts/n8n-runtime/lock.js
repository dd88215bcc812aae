// The lock that keeps two processes (two test runs, `npm start` beside `npm test`, or machines sharing the
// cache folder) from installing n8n at the same time: a folder with an owner file and a heartbeat, taken
// over when its owner is gone. Change it when that protocol changes; what is installed lives in install.js.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const { PROGRESS_EVERY_MS, elapsed } = require('./progress');

const LOCK_STALE_MS = 2 * 60_000;

/**
 * Takes the lock `lockDir`, or waits for it. Resolves with `heartbeat()` (the owner calls it while it
 * works) and `release()`, or with no-ops once `done()` says the work was finished by someone else.
 *
 * The lock is a folder (mkdir is atomic) with an `owner` file whose mtime the installer refreshes every
 * few seconds. It is stale when that process is gone or the heartbeat stopped (killed mid-install, or
 * another machine sharing the folder died); a stale lock is taken over. Correctness does not depend on
 * the lock (see install.js), it only keeps installs from running twice.
 */
async function acquireLock(lockDir, log, done) {
	const ownerFile = path.join(lockDir, 'owner');
	const started = Date.now();
	let lastReport = started;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, host: os.hostname() }));
			return {
				heartbeat: () => fs.promises.utimes(ownerFile, new Date(), new Date()).catch(() => {}),
				release: () => fs.rmSync(lockDir, { recursive: true, force: true }),
			};
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		if (done()) return { heartbeat: () => {}, release: () => {} };
		const owner = readLockOwner(lockDir);
		if (isStale(lockDir, owner)) {
			log(`taking over an install lock left by process ${owner ? owner.pid : '?'}`);
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (Date.now() - lastReport >= PROGRESS_EVERY_MS) {
			lastReport = Date.now();
			log(`waiting for process ${owner ? owner.pid : '?'} to finish installing n8n (${elapsed(started)})`);
		}
		await sleep(1000);
	}
}

function readLockOwner(lockDir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(lockDir, 'owner'), 'utf8'));
	} catch {
		return null; // just created, owner not written yet
	}
}

function isStale(lockDir, owner) {
	if (owner && owner.host === os.hostname() && !isAlive(owner.pid)) return true;
	try {
		const beat = fs.statSync(owner ? path.join(lockDir, 'owner') : lockDir).mtimeMs;
		return Date.now() - beat > LOCK_STALE_MS;
	} catch {
		return false; // released meanwhile: the next mkdir tells
	}
}

/** Whether a process of this machine is running (one we may not signal still is). */
function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

module.exports = { acquireLock, isAlive };
