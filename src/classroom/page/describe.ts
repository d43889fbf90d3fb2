/** A one-line description of settings, for the comparison's A and B and the fan's caption. */
import type { Model } from '../../model/schema.ts';
import type { Settings } from '../settings.ts';
import { fmt, growthName, nameOf, t } from './i18n.ts';

export function describeSettings(s: Settings, model: Model): string {
  const parts = [model.name[0].toUpperCase() + model.name.slice(1)];
  const g = s.growth ?? 'model';
  parts.push(typeof g === 'string' ? (g === 'model' ? (typeof model.economy.growth === 'string' ? growthName(model.economy.growth) : t('growthModel')) : growthName(g)) : `${t('growthHand')} (${g.annual.join(', ')})`);
  for (const [type, lever] of Object.entries(s.levers ?? {})) {
    if (lever.on === false) parts.push(`${nameOf(type)}: ${t('off')}`);
    else {
      const values = Object.entries(lever).filter(([k]) => k !== 'on').map(([k, v]) => `${nameOf(k)} ${typeof v === 'number' ? fmt(v, v % 1 ? 2 : 0) : v}`);
      parts.push(`${nameOf(type)}${lever.on === true ? ' +' : ''}${values.length ? ` (${values.join(', ')})` : ''}`);
    }
  }
  if ((s.scale ?? 1) !== 1) parts.push(`× ${fmt(s.scale!, 2)}`);
  parts.push(`${t('seed').toLowerCase()} ${s.seed ?? model.run.seed}`);
  return parts.join(' · ');
}
