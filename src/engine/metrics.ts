/**
 * The metrics recorded for every month of every replicate, in column order. A replicate's result
 * is one Float64Array of `months x METRICS.length`, row-major by month.
 */
export const METRICS = [
  'caseload',            // recipients at the start of the month
  'applicants',          // people applying this month (new applicants and deterred ones applying again)
  'deterred',            // applicants who withdrew at intake
  'admitted',            // applicants admitted onto benefit (incl. `reapplied`)
  'reentries',           // former recipients back on benefit after leaving by any route (the revolving door)
  'exitsWork',           // exits to work
  'exitsSchool',         // exits to school or removed from benefit (enforcement)
  'exitsNonInfluenceable', // moving, cohabiting, other income, pension age
  'exitsPension',        // of which reaching pension age
  'caseloadEnd',         // recipients at the end of the month
  'inWork',              // former recipients in a job that may still end (not yet durable)
  'durableJobs',         // jobs that lasted long enough to count as durable this month
  'share45Plus',         // share of the end-of-month caseload aged 45 or more
  'share5YearsPlus',     // share of the end-of-month caseload on benefit 5 years or more
  'meanEmployability',   // mean employability index of the caseload (traits only)
  'meanMotivation',      // mean motivation (0-1) of the caseload
  'participants',        // people in any programme this month (sum over programmes)
  'vacancies',           // suitable vacancies reachable this month
  'demand',              // labour-demand index (1 = reference)
  'benefitCost',         // EUR: recipients paid this month x benefit per recipient-month
  'programmeCost',       // EUR: all policies' costs this month
  'reapplied',           // of the admitted: applicants deterred earlier who applied again
  'otherJobseekers',     // unemployed people outside bijstand competing for the same vacancies
  'hires',               // all hires in the town's slice of the regional market (recipients and others)
  'vacancyFill',         // hires over the most the vacancies can take (1 = every vacancy filled: the market caps)
  'unemploymentPct',     // national unemployment rate (%)
] as const;

export type Metric = (typeof METRICS)[number];

/** Column index of each metric. */
export const M = Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<Metric, number>;

export const METRIC_COUNT = METRICS.length;
