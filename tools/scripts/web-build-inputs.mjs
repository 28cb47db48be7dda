// What the web client's bundle (dist/apps/web) is built from, as one SHA-256: every file of
// apps/web but its tests, the library sources Vite resolves into it (libs/*/src), the dependency
// lock, the root TypeScript and package files, and the environment Vite reads (NODE_ENV, VITE_*).
// build.mjs skips `vite build` while the hash stored beside the bundle matches: any change to an
// input (content, a file added, removed or renamed) changes the hash and rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const INPUT_DIRS = ['apps/web', 'libs'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.base.json'];
/** Not part of the bundle: tests, generated output, installed packages. */
const SKIP = new Set(['node_modules', 'dist', 'test', 'coverage']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && !/\.spec\.tsx?$/.test(entry.name)) yield path;
  }
}

/** The hash of the web bundle's inputs under `root` (the repository), with `env`'s NODE_ENV and VITE_* values. */
export function webBuildInputsHash(root, env = process.env) {
  const hash = createHash('sha256');
  const add = (path) => {
    hash.update(relative(root, path).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  };
  for (const dir of INPUT_DIRS) if (existsSync(join(root, dir))) for (const path of files(join(root, dir))) add(path);
  for (const file of INPUT_FILES) if (existsSync(join(root, file)) && statSync(join(root, file)).isFile()) add(join(root, file));
  const viteEnv = Object.keys(env)
    .filter((key) => key === 'NODE_ENV' || key.startsWith('VITE_'))
    .sort()
    .map((key) => `${key}=${env[key]}`);
  hash.update(viteEnv.join('\n'));
  return hash.digest('hex');
}

/** Where build.mjs keeps the hash of the inputs the current bundle was built from. */
export function webBuildStampFile(root) {
  return join(root, 'dist', '.tsbuildinfo', 'web.inputs.sha256');
}
