// Both rule sets n8n verifies community packages with: the new flat-config plugin and the classic one.
import tsParser from '@typescript-eslint/parser';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

export default [
	{
		// n8n's rules are for the published nodes and credentials; tests, tools and benchmarks run in plain Node.
		ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', 'bench/**', '.jest-cache/**', '.n8n-dev/**', '*.js', '*.mjs'],
	},
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
	},
	{
		...communityNodes.configs.recommended,
		files: ['**/*.ts', '**/package.json'],
	},
	{
		files: ['**/package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Contradicts the new plugin's `credential-documentation-url`, which accepts the full URL we use.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Both contradict the new plugin's `node-connection-type-literal`, which requires
			// `NodeConnectionTypes.Main` where these want the string literal 'main'.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
