/**
 * The state of a class session, all of it on the server: the groups (each with a token its pages
 * keep, so a reloaded page rejoins), their choices, the phase and every round played. Pages hold
 * nothing that a reload could lose. Changes go through these functions, which check the lesson's
 * rules (the budget: how many measures a group may choose) and return a reason when refused.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Model } from '../../model/schema.ts';
import { MAX_GROUPS } from './protocol.ts';
import type { TownResult } from './round.ts';

export interface Group {
  name: string;
  token: string;
  /** Indices into the town's policies. */
  policies: number[];
}

export interface Round {
  round: number;
  /** 'played': the model's economy; otherwise the reveal's economy. */
  economy: string;
  groups: { name: string; policies: number[] }[];
  results: TownResult[];
}

export type Phase = 'choosing' | 'running' | 'results';

export interface SessionState {
  code: string;
  /** The teacher's key: teacher actions and the CSV export need it. */
  key: string;
  model: Model;
  modelFile: string;
  runs: number;
  seed: number;
  maxPolicies: number;
  phase: Phase;
  round: number;
  groups: Group[];
  rounds: Round[];
}

/** A join code that reads aloud well: six characters without 0/O, 1/I/L. */
function joinCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Secrets (join code, teacher key, group tokens) come from the operating system, not the simulation's streams. */
export const secret = () => randomBytes(16).toString('hex');

export function newSession(o: { model: Model; modelFile: string; runs: number; seed: number; maxPolicies: number; code?: string }): SessionState {
  return { code: o.code ?? joinCode(), key: secret(), model: o.model, modelFile: o.modelFile, runs: o.runs, seed: o.seed, maxPolicies: o.maxPolicies, phase: 'choosing', round: 1, groups: [], rounds: [] };
}

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A group joins (or a second student joins an existing group of that name). */
export function join(s: SessionState, code: string, name: string): Result<Group> {
  if (code.trim().toUpperCase() !== s.code) return { ok: false, reason: 'badCode' };
  const existing = s.groups.find((g) => g.name.toLowerCase() === name.toLowerCase());
  if (existing) return { ok: true, value: existing };
  if (s.groups.length >= MAX_GROUPS) return { ok: false, reason: 'full' };
  const group: Group = { name, token: secret(), policies: [] };
  s.groups.push(group);
  return { ok: true, value: group };
}

export const groupOf = (s: SessionState, token: string) => s.groups.find((g) => g.token === token);

/** A group's choice, within the rules: known policies, no repeats, at most the budget, only while choosing. */
export function choose(s: SessionState, token: string, policies: number[]): Result<Group> {
  const g = groupOf(s, token);
  if (!g) return { ok: false, reason: 'unknown token' };
  if (s.phase !== 'choosing') return { ok: false, reason: 'not choosing now' };
  if (policies.some((k) => k >= s.model.policies.length)) return { ok: false, reason: 'no such policy' };
  const unique = [...new Set(policies)].sort((a, b) => a - b);
  if (unique.length > s.maxPolicies) return { ok: false, reason: 'overBudget' };
  g.policies = unique;
  return { ok: true, value: g };
}
