/**
 * The messages of a class session, checked at the boundary: every message a page sends is parsed
 * here (JSON, then a zod schema) before the server looks at it. Anything else is refused with a
 * reason the server logs; nothing a client sends can throw inside the server.
 */
import { z } from 'zod';

/** Longest message the server reads (bytes); the WebSocket closes on anything longer. */
export const MAX_MESSAGE_BYTES = 4096;
export const MAX_GROUPS = 40;

const groupName = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N} ._'!?-]+$/u, 'letters, digits, spaces and . _ \' ! ? -');
const token = z.string().regex(/^[0-9a-f]{32}$/);
const key = z.string().regex(/^[0-9a-f]{32}$/);

export const clientMessage = z.discriminatedUnion('type', [
  /** A student or group joins with the code on the board and a group name. */
  z.strictObject({ type: z.literal('join'), code: z.string().max(12), group: groupName }),
  /** A reloaded student page comes back with the token it was given. */
  z.strictObject({ type: z.literal('rejoin'), token }),
  /** A group's choice of policies (indices into the town's list). */
  z.strictObject({ type: z.literal('choose'), token, policies: z.array(z.number().int().min(0).max(63)).max(64) }),
  /** The teacher's (or projector's) page says hello with the teacher key. */
  z.strictObject({ type: z.literal('teacher'), key }),
  /** Teacher actions. */
  z.strictObject({ type: z.literal('start'), key }),
  z.strictObject({ type: z.literal('reveal'), key, economy: z.enum(['recession', 'flat', 'recovery', 'boom', 'historical']) }),
  z.strictObject({ type: z.literal('next-round'), key }),
]);

export type ClientMessage = z.output<typeof clientMessage>;

/** Parses one raw message; returns the message or the reason it was refused. */
export function parseClientMessage(raw: unknown, isBinary: boolean): { ok: true; message: ClientMessage } | { ok: false; reason: string } {
  if (isBinary) return { ok: false, reason: 'binary message' };
  const text = String(raw);
  if (text.length > MAX_MESSAGE_BYTES) return { ok: false, reason: `message longer than ${MAX_MESSAGE_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = clientMessage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join('.') || 'message'}: ${issue.message}` };
  }
  return { ok: true, message: parsed.data };
}
