/**
 * Trait profiles shared by several models: the national bijstand population around 2015-2019 and
 * its applicants. [choice] The seeds give no trait distributions; these follow the broad shape of
 * CBS bijstand statistics (older than the labour force, mostly low-educated, mostly single, long
 * durations) and are stated once here so the models differ only where a seed says they do.
 * Each model spreads a profile and overrides what its seed reports.
 */
import type { ModelInput } from '../src/model/schema.ts';

type Traits = ModelInput['population']['traits'];
type ApplicantTraits = ModelInput['inflow']['traits'];

/** The national bijstand stock. */
export const nationalStock: Traits = {
  age: [
    { from: 18, to: 27, share: 0.1 },
    { from: 27, to: 45, share: 0.4 },
    { from: 45, to: 55, share: 0.26 },
    { from: 55, to: 65, share: 0.24 },
  ],
  yearsOnBenefit: [
    { from: 0, to: 1, share: 0.22 },
    { from: 1, to: 2, share: 0.15 },
    { from: 2, to: 5, share: 0.25 },
    { from: 5, to: 10, share: 0.2 },
    { from: 10, to: 25, share: 0.18 },
  ],
  education: { low: 0.58, medium: 0.32, high: 0.1 },
  motivation: { mean: 0.5, sd: 0.2 },
  multiProblemShare: 0.33,
  ladder: [0.12, 0.23, 0.27, 0.22, 0.11, 0.05],
  household: { single: 0.62, singleParent: 0.25, couple: 0.13 },
  clustering: 0.5,
};

/** People applying for bijstand: younger, more recently in work, more motivated. */
export const nationalApplicants: ApplicantTraits = {
  age: [
    { from: 18, to: 27, share: 0.25 },
    { from: 27, to: 45, share: 0.45 },
    { from: 45, to: 55, share: 0.18 },
    { from: 55, to: 65, share: 0.12 },
  ],
  education: { low: 0.5, medium: 0.37, high: 0.13 },
  motivation: { mean: 0.6, sd: 0.2 },
  multiProblemShare: 0.2,
  ladder: [0.05, 0.15, 0.25, 0.25, 0.2, 0.1],
  household: { single: 0.6, singleParent: 0.25, couple: 0.15 },
  clustering: 0.5,
};

/** EUR per recipient-month: seed 000 (Emmen) "every person leaving saves EUR 14,000 a year". */
export const BENEFIT_PER_MONTH = 14_000 / 12;

/** AOW (state pension) age 2015-2019: 65y3m rising to 66y4m; 65.75 as the period's middle. */
export const PENSION_AGE = 65.75;
