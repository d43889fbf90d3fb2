/** How commands end: bad input exit 2, file-system failures one line exit 1, never a stack trace. */
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/exit.ts';
import { InputError } from '../../src/model/validate.ts';

describe('describeError', () => {
  it('an InputError: exit 2, its message', () => {
    expect(describeError(new InputError('m.ts: at name: expected string'))).toEqual({ code: 2, text: 'm.ts: at name: expected string' });
  });

  it('disk full (ENOSPC) or no permission: exit 1, the first line only, no stack', () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write\n    at writeSync (node:fs:1:1)"), { code: 'ENOSPC' });
    expect(describeError(full)).toEqual({ code: 1, text: 'ENOSPC: no space left on device, write' });
    const denied = Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: 'EACCES' });
    expect(describeError(denied).text).toBe("EACCES: permission denied, open 'x'");
  });

  it('an internal error: exit 1, one line saying so, the stack only with UITSTROOM_DEBUG', () => {
    const before = process.env.UITSTROOM_DEBUG;
    delete process.env.UITSTROOM_DEBUG;
    try {
      const d = describeError(new TypeError("Cannot read properties of undefined (reading 'x')"));
      expect(d.code).toBe(1);
      expect(d.text).not.toContain('\n');
      expect(d.text).toContain('UITSTROOM_DEBUG=1');
    } finally {
      if (before !== undefined) process.env.UITSTROOM_DEBUG = before;
    }
  });
});
