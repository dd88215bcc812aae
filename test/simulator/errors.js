'use strict';
// Errors thrown by the programmatic API (sim.rentVerify.deliverCode(...) etc.). They carry the HTTP status
// the control API answers with, so /__sim/ routes and direct calls fail the same way.

function simError(status, message) {
	const error = new Error(message);
	error.status = status;
	return error;
}

module.exports = {
	invalid: (message) => simError(400, message),
	notFound: (message) => simError(404, message),
	conflict: (message) => simError(409, message),
};
