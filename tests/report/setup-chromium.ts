/**
 * The browser tests use Debian's Chromium (never a downloaded browser build). On a fresh machine
 * it may be missing: as root, install it with apt-get; otherwise fail with a message saying how.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Arguments for headless Chromium on a machine without a sandbox, GPU or outside network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/**
 * Makes sure /usr/bin/chromium exists, installing Debian's package if needed (as root); returns
 * its path. `path` and `uid` are parameters only so the refusal can be tested.
 */
export function ensureChromium(path = CHROMIUM, uid = process.getuid?.()): string {
  if (existsSync(path)) return path;
  if (uid !== 0) {
    throw new Error(
      `${path} is missing and these tests are not running as root, so they cannot install it. ` +
        'Install it with `sudo apt-get install -y chromium` (Debian) and run the tests again.',
    );
  }
  const apt = (args: string[]) =>
    execFileSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  // a fresh machine may have no package lists yet
  apt(['update', '-q']);
  apt(['install', '-y', '-q', '--no-install-recommends', 'chromium']);
  if (!existsSync(path)) throw new Error(`apt-get install chromium finished but ${path} is still missing.`);
  return path;
}
