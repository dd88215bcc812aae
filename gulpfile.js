// Copies what tsc does not emit beside the compiled code: the SVG icons (n8n resolves `file:` icons
// relative to the built files), each node's codex file (`<Node>.node.json`, read next to the node) and
// the package entry point (`main` points into dist/, so `npm pack` publishes nothing outside it).
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

function copyEntryPoint() {
	return src('index.js').pipe(dest('dist'));
}

exports['build:assets'] = parallel(copyIcons, copyCodex, copyEntryPoint);
