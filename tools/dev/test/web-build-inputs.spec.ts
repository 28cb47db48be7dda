// `npm start` and `npm run token` rebuilt the web client (~30 s of `vite build`) on every run even
// when nothing changed. build.mjs now skips it while the hash of its inputs
// (tools/scripts/web-build-inputs.mjs) matches the one stored with the bundle; this checks the
// hash follows every kind of change, on a scratch tree, through the real module (ESM, so a child
// process imports it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const MODULE = resolve(__dirname, '..', '..', 'scripts', 'web-build-inputs.mjs');

function hashOf(root: string, env: Record<string, string> = {}): string {
  const script = `import(${JSON.stringify(MODULE)}).then((m) => process.stdout.write(m.webBuildInputsHash(${JSON.stringify(root)}, ${JSON.stringify(env)})))`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

describe('kind: a build that redoes unchanged work (web bundle inputs)', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'roundtable-web-inputs-'));
    write('apps/web/src/main.tsx', 'export const a = 1;\n');
    write('apps/web/index.html', '<div id="root"></div>\n');
    write('libs/domain/src/index.ts', 'export const b = 2;\n');
    write('package-lock.json', '{}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('nothing changed: the same hash, so the bundle is kept', () => {
    expect(hashOf(root)).toBe(hashOf(root));
  });

  it('a changed, added, removed or renamed source, a changed lock file or library, and NODE_ENV/VITE_* each change it', () => {
    const seen = new Set([hashOf(root)]);
    const changes: (() => void)[] = [
      () => write('apps/web/src/main.tsx', 'export const a = 2;\n'),
      () => write('apps/web/src/extra.css', 'body {}\n'),
      () => renameSync(join(root, 'apps/web/src/extra.css'), join(root, 'apps/web/src/other.css')),
      () => rmSync(join(root, 'apps/web/index.html')),
      () => write('libs/domain/src/index.ts', 'export const b = 3;\n'),
      () => write('package-lock.json', '{"lockfileVersion":3}\n'),
    ];
    for (const change of changes) {
      change();
      const hash = hashOf(root);
      expect(seen.has(hash)).toBe(false);
      seen.add(hash);
    }
    expect(hashOf(root, { VITE_FLAG: '1' })).not.toBe(hashOf(root));
    expect(hashOf(root, { NODE_ENV: 'development' })).not.toBe(hashOf(root, { NODE_ENV: 'production' }));
  });

  it('tests and specs are not inputs: changing them keeps the bundle', () => {
    const before = hashOf(root);
    write('apps/web/test/web.e2e.spec.ts', 'it("x", () => undefined);\n');
    write('apps/web/src/main.spec.ts', 'it("y", () => undefined);\n');
    expect(hashOf(root)).toBe(before);
  });
});
