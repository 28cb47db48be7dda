// `npm test` runs every project's Jest suite in one multi-project run (one worker pool on the
// 2-core CI machine); `nx test <project>` runs a single project's.
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['apps', 'libs', 'tools'].flatMap((dir) =>
  existsSync(join(__dirname, dir))
    ? readdirSync(join(__dirname, dir))
        .map((name) => join(__dirname, dir, name))
        .filter((path) => existsSync(join(path, 'jest.config.js')))
    : [],
);

// Jest reads `testTimeout` from the global config only (a project's own setting is ignored), so
// the API suites' 60 s bound lives here. It is a hang guard, never a performance assertion.
//
// `workerIdleMemoryLimit` runs the suites in a child worker (one on the 2-core CI machine) that is
// replaced whenever a finished suite leaves its heap above the limit. Run in Jest's own process,
// 199 suites' module registries and servers piled up in one heap: by the 2,000-viewer suite a CI
// run was spending its time collecting garbage, and the suite timed out (so did a crash in one
// suite end the whole run). `logHeapUsage` prints each suite's heap, so growth shows in CI logs.
module.exports = { projects, testTimeout: 60_000, workerIdleMemoryLimit: '1GB', logHeapUsage: true };
