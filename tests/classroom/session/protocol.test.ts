/** The session's boundary and rules: what a message must look like, and what a group may choose. */
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, parseClientMessage } from '../../../src/classroom/session/protocol.ts';
import { choose, join, newSession } from '../../../src/classroom/session/state.ts';
import { loadModel } from '../../../src/model/load.ts';

describe('parseClientMessage', () => {
  const token = 'ab'.repeat(16);
  it('accepts the messages of the protocol', () => {
    expect(parseClientMessage('{"type":"join","code":"ABC234","group":"De Bijstandsbaronnen"}', false)).toMatchObject({ ok: true });
    expect(parseClientMessage(`{"type":"choose","token":"${token}","policies":[0,2]}`, false)).toMatchObject({ ok: true });
    expect(parseClientMessage(`{"type":"reveal","key":"${token}","economy":"recession"}`, false)).toMatchObject({ ok: true });
  });

  it('refuses anything else with a reason', () => {
    const reason = (raw: string, binary = false) => {
      const r = parseClientMessage(raw, binary);
      return r.ok ? 'accepted' : r.reason;
    };
    expect(reason('hello')).toBe('not JSON');
    expect(reason('{}', true)).toBe('binary message');
    expect(reason('x'.repeat(MAX_MESSAGE_BYTES + 1))).toMatch(/longer than/);
    expect(reason('{"type":"shout"}')).toMatch(/^type: /);
    expect(reason('{"type":"join","code":"A","group":"<b>"}')).toMatch(/^group: letters/);
    expect(reason(`{"type":"choose","token":"${token}","policies":[-1]}`)).toMatch(/^policies\.0: /);
    expect(reason(`{"type":"start","key":"${token}","extra":1}`)).toMatch(/extra/);
  });
});

describe('session rules', () => {
  it('joins by code and name (a second student joins the same group), and holds choices to the budget', async () => {
    const { model } = await loadModel('models/emmen.ts');
    const s = newSession({ model, modelFile: 'models/emmen.ts', runs: 2, seed: 1, maxPolicies: 2, code: 'ABC234' });
    expect(join(s, 'XYZ999', 'A')).toEqual({ ok: false, reason: 'badCode' });
    const a = join(s, 'abc234', 'Team A');
    const again = join(s, 'ABC234', 'team a');
    expect(a.ok && again.ok && a.value.token === again.value.token).toBe(true);
    const token = a.ok ? a.value.token : '';
    expect(choose(s, token, [2, 0, 2])).toMatchObject({ ok: true, value: { policies: [0, 2] } });
    expect(choose(s, token, [0, 1, 2])).toEqual({ ok: false, reason: 'overBudget' });
    expect(choose(s, token, [model.policies.length])).toEqual({ ok: false, reason: 'no such policy' });
    s.phase = 'results';
    expect(choose(s, token, [1])).toEqual({ ok: false, reason: 'not choosing now' });
    expect(s.groups).toHaveLength(1);
  });
});
