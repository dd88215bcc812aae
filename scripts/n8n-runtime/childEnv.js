// The environment the runtime scripts hand to the programs they start (npm for the install, n8n itself):
// which of the caller's npm settings pass through, and how a folder goes first on PATH. Change it when a
// setting must (or must not) reach those children.
'use strict';

const path = require('node:path');

// `npm test` / `npm start` hand their whole configuration to children as npm_* variables, e.g. this
// project's ignore-scripts=true, a user-level nodedir, its prefixes: drop those so the runtime install
// depends only on the flags given here (the child npm reads the .npmrc files itself). Settings about
// reaching the registry stay, since a CI may set its mirror or proxy only in the environment.
const KEPT_NPM_SETTINGS =
	/^npm_config_(registry|@[^:]+:registry|cache|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|userconfig|globalconfig|fetch_\w+|maxsockets|prefer_offline|offline)$/i;

/** This process's environment without the npm_* variables a child should not inherit. */
function npmEnv(source = process.env) {
	const env = {};
	for (const [key, value] of Object.entries(source)) {
		if (!/^npm_/i.test(key) || KEPT_NPM_SETTINGS.test(key)) env[key] = value;
	}
	return env;
}

/**
 * `env` with `dir` first on its PATH. Windows spells the variable `Path` and looks it up in any case: the
 * existing spelling is kept, so the child does not get two competing entries.
 */
function withPathFirst(env, dir) {
	const key = Object.keys(env).find((name) => name.toUpperCase() === 'PATH') ?? 'PATH';
	return { ...env, [key]: [dir, env[key]].filter(Boolean).join(path.delimiter) };
}

module.exports = { npmEnv, withPathFirst };
