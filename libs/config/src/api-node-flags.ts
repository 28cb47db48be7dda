/**
 * The Node flags the API process runs with, wherever it is started: `npm start` (tools/dev),
 * `npm run start:api` (package.json, checked by a test), the live benchmarks (tools/bench), and a
 * production launch (README, "Running in production").
 *
 * `--max-semi-space-size=64`: a 64 MB young generation (the default is 16 MB). At hundreds of
 * requests a second the default filled many times a second and promoted short-lived request objects
 * into the old generation: garbage collection took 12-19% of the API's core under bench:conversation,
 * and with this flag the API's CPU per second of that load fell from 874-955 ms to 822-831 ms
 * (docs/benchmarks.md). Costs up to 3 × 64 MB of address space (two semi-spaces and the copy reserve).
 */
export const API_NODE_FLAGS: readonly string[] = Object.freeze(['--max-semi-space-size=64']);
