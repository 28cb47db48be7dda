// Builds every project with `tsc -b` (decorated code needs tsc's decorator metadata; incremental
// through the .tsbuildinfo files in dist/.tsbuildinfo), then links the compiled libraries so
// `require('@roundtable/<lib>')` works under dist/, then bundles the web client with Vite into
// dist/apps/web (the API serves it at `/`) unless its inputs are unchanged since the last bundle
// (web-build-inputs.mjs). `--force` always bundles.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { webBuildInputsHash, webBuildStampFile } from './web-build-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HELP = `Builds every project into dist/ (tsc -b, incremental), links the compiled libraries, then bundles
the web client into dist/apps/web unless its inputs are unchanged since the last bundle.

Usage: npm run build [-- --force]

  --force   bundle the web client even when its inputs are unchanged
  --help    show this help
`;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}
const unknown = args.filter((argument) => argument !== '--force');
if (unknown.length > 0) {
  process.stderr.write(`Unknown argument${unknown.length === 1 ? '' : 's'}: ${unknown.join(' ')}.\n\n${HELP}`);
  process.exit(2);
}
const force = args.includes('--force');
const tsc = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status || 1);
const link = spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'link-dist.mjs')], { cwd: root, stdio: 'inherit' });
if (link.status !== 0) process.exit(link.status || 1);

const stamp = webBuildStampFile(root);
const inputs = webBuildInputsHash(root);
const built = existsSync(join(root, 'dist', 'apps', 'web', 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === inputs;
if (built && !force) process.exit(0);
// A failed or interrupted bundle must not look current next time.
rmSync(stamp, { force: true });
// logLevel 'warn' in the config keeps this quiet; errors still print and fail the build.
const web = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'apps/web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
if (web.status !== 0) process.exit(web.status ?? 1);
mkdirSync(dirname(stamp), { recursive: true });
writeFileSync(stamp, `${inputs}\n`);
