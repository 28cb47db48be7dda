// After `tsc -b`, make `require('@roundtable/<lib>')` resolve to the compiled library.
// tsc does not rewrite path aliases, so we write dist/node_modules/@roundtable/<lib>/package.json
// pointing at the built entry; Node finds it by walking up from any file under dist/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
for (const [alias, [source]] of Object.entries(compilerOptions.paths)) {
  // libs/<name>/src/index.ts is built to dist/libs/<name>/index.js (rootDir is src/).
  const built = join(root, 'dist', source.replace('/src/', '/').replace(/\.ts$/, '.js'));
  const pkgDir = join(root, 'dist', 'node_modules', alias);
  mkdirSync(pkgDir, { recursive: true });
  writeFileSync(
    join(pkgDir, 'package.json'),
    JSON.stringify({ name: alias, private: true, main: relative(pkgDir, built) }, null, 2) + '\n',
  );
}
