// The integration tests' time limit per test and hook: 30 s (their waits poll the simulator, and two workers
// share the machine with the rest of CI). Jest reads `testTimeout` only from the top-level config, not from a
// project's (a project's `testTimeout` is ignored and tests get jest's 5 s default), so each project that needs
// another limit sets it here, in a set-up file that runs in every test file of the project. A test or hook that
// passes its own timeout keeps it.
jest.setTimeout(30_000);
