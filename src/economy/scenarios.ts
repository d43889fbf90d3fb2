/**
 * Named economic scenarios as annual GDP growth (%) by year of the simulation, with the two years
 * before the start (`before`) so labour demand starts where such an economy would have left it.
 * Each month carries its year's growth; labour demand follows with a lag (`path.ts`).
 */

export const ECONOMY_SCENARIOS = ['flat', 'recession', 'recovery', 'boom', 'historical'] as const;
export type EconomyScenario = (typeof ECONOMY_SCENARIOS)[number];

export interface AnnualPath {
  /** Growth in the two years before the start, oldest first. */
  before: [number, number];
  /** Growth in year 1, 2, ... of the simulation; the last value holds after. */
  years: number[];
  note: string;
}

/** Scenario paths; `historical` comes from `data/nl-economy.csv` (see `historical.ts`). */
export const NAMED_PATHS: Record<Exclude<EconomyScenario, 'historical'>, AnnualPath> = {
  flat: { before: [1.5, 1.5], years: [1.5], note: 'growth at the 1.5% reference throughout' },
  recession: {
    before: [1.8, 1.8],
    years: [-2.5, -1.0, 0.8, 1.5],
    note: 'a 2009-like contraction (-2.5%, then -1%) followed by a slow recovery',
  },
  recovery: {
    before: [-0.8, 1.4],
    years: [2.0, 2.2, 2.9, 2.6, 1.8],
    note: 'the Dutch recovery of 2015-2019 (CBS growth 2.0, 2.2, 2.9, 2.6, 1.8) after 2013-2014',
  },
  boom: { before: [2.5, 3.0], years: [3.5], note: 'sustained 3.5% growth' },
};
