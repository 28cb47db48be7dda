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

// testTimeout is a global option: in this multi-project run Jest ignores the projects' own
// (apps/api's 60 s), and every integration test ran with the 5 s default, failing on a busy machine.
module.exports = { projects, testTimeout: 60_000 };
