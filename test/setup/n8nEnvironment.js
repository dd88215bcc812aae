// n8n-core reads these when it is first required: a private user folder (it writes `.n8n/config` there)
// and no log output. They must be set before any test file imports n8n-core.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-verification-n8n-core-'));
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
