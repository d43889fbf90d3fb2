/** The browser tests' Chromium setup: present, it is used as it is; missing and not root, a clear refusal. */
import { describe, expect, it } from 'vitest';
import { CHROMIUM, ensureChromium } from './setup-chromium.ts';

describe('ensureChromium', () => {
  it('refuses to install without root, saying what to do', () => {
    expect(() => ensureChromium('/nonexistent/chromium', 1000)).toThrow(
      '/nonexistent/chromium is missing and these tests are not running as root, so they cannot install it. Install it with `sudo apt-get install -y chromium` (Debian) and run the tests again.',
    );
  });

  it('returns the path of an installed Chromium without touching apt', () => {
    // html.test.ts installs it when missing; here it is checked only where it exists already
    expect(ensureChromium(process.execPath, 1000)).toBe(process.execPath);
    expect(CHROMIUM).toBe('/usr/bin/chromium');
  });
});
