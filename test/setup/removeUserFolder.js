// The n8n user folder n8nEnvironment.js made for this test file goes when the file is done, so test runs
// leave nothing behind in the temp folder.
const fs = require('node:fs');

afterAll(() => fs.rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true }));
