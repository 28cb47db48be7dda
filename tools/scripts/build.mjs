// Builds every project with `tsc -b` (decorated code needs tsc's decorator metadata), then links
// the compiled libraries so `require('@roundtable/<lib>')` works under dist/, then bundles the
// web client with Vite into dist/apps/web (the API serves it at `/`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status || 1);
const link = spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'link-dist.mjs')], { cwd: root, stdio: 'inherit' });
if (link.status !== 0) process.exit(link.status || 1);
// logLevel 'warn' in the config keeps this quiet; errors still print and fail the build.
const web = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'apps/web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
process.exit(web.status ?? 1);
