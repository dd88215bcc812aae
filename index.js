// n8n loads the nodes and credentials listed in package.json's `n8n` block; this entry point only
// keeps `require('n8n-nodes-sms-verification')` from failing.
module.exports = {};
