/**
 * Follows a sample of people through the live replicate so the page can draw a dot per person: one
 * in `every` of the starting caseload (by person key) and of each month's admitted applicants (by
 * their number within the month). The engine's columns are only read. People who leave for good
 * are compacted away by the engine, so a person not found is classified by the last state seen.
 */
import { State } from '../../agents/columns.ts';
import { APPLICANT_KEY_BASE, APPLICANT_KEY_STRIDE, type Sim } from '../../engine/sim.ts';
import { PersonStatus, type PeopleSnapshot } from '../protocol.ts';

/** About this many of the starting caseload are followed. */
const SAMPLE = 500;

export class Tracker {
  readonly every: number;
  private readonly position = new Map<number, number>();
  private status: number[] = [];
  private age: number[] = [];
  private years: number[] = [];
  private motivation: number[] = [];
  private skills: number[] = [];
  private spells: number[] = [];
  private programme: number[] = [];
  private monthsInWork: number[] = [];
  private readonly labels: string[];

  constructor(private readonly sim: Sim) {
    this.every = Math.max(1, Math.ceil(sim.agents.size / SAMPLE));
    // observation cohorts have no effect: being "in" one is not a programme
    this.labels = sim.policies.filter((p) => p.type !== 'cohort').flatMap((p) => (p.programmes ?? []).map((g) => g.label));
    this.update();
  }

  private isSampled(key: number): boolean {
    const k = key >= APPLICANT_KEY_BASE ? (key - APPLICANT_KEY_BASE) % APPLICANT_KEY_STRIDE : key;
    return k % this.every === 0;
  }

  /** Reads the followed people's state after a month (or at the start). */
  update(): void {
    const a = this.sim.agents;
    const programmes = this.sim.policies.filter((p) => p.type !== 'cohort').flatMap((p) => p.programmes ?? []).map((g) => g.months(a));
    const durable = this.sim.behaviour.revolvingDoor.durableAfterMonths;
    const seen = new Uint8Array(this.status.length + a.size);
    for (let i = 0; i < a.size; i++) {
      const key = a.key[i];
      if (!this.isSampled(key)) continue;
      let p = this.position.get(key);
      if (p === undefined) {
        if (a.state[i] !== State.onBenefit) continue; // deterred at intake: never on benefit
        p = this.status.length;
        this.position.set(key, p);
        this.status.push(PersonStatus.onBenefit);
        this.programme.push(-1);
        this.monthsInWork.push(0);
      }
      seen[p] = 1;
      this.age[p] = a.ageMonths[i] / 12;
      this.years[p] = a.monthsOnBenefit[i] / 12;
      this.motivation[p] = a.motivation[i];
      this.skills[p] = a.skills[i];
      this.spells[p] = a.spells[i];
      const s = a.state[i];
      if (s === State.gone) this.status[p] = leftAs(this.status[p], this.monthsInWork[p], durable);
      else if (s === State.inWork) {
        this.status[p] = PersonStatus.inWork;
        this.monthsInWork[p] = a.monthsInWork[i];
        this.programme[p] = -1;
      } else {
        const g = programmes.findIndex((m) => m[i] > 0);
        this.programme[p] = g;
        this.status[p] = g >= 0 ? PersonStatus.inProgramme : a.spells[i] > 1 ? PersonStatus.backOnBenefit : PersonStatus.onBenefit;
      }
    }
    for (let p = 0; p < this.status.length; p++) {
      if (!seen[p]) this.status[p] = leftAs(this.status[p], this.monthsInWork[p], durable);
    }
  }

  snapshot(): PeopleSnapshot {
    return {
      status: Uint8Array.from(this.status),
      age: Float32Array.from(this.age),
      yearsOnBenefit: Float32Array.from(this.years),
      motivation: Float32Array.from(this.motivation),
      skills: Float32Array.from(this.skills),
      spells: Uint8Array.from(this.spells),
      programme: Int8Array.from(this.programme),
      programmes: this.labels,
      every: this.every,
    };
  }
}

/** The status of someone who left for good, from what they were doing when last seen. */
function leftAs(last: number, monthsInWork: number, durableAfter: number): number {
  if (last === PersonStatus.inWork) return monthsInWork + 1 >= durableAfter ? PersonStatus.durableJob : PersonStatus.jobEnded;
  if (last === PersonStatus.durableJob || last === PersonStatus.jobEnded || last === PersonStatus.leftOther) return last;
  return PersonStatus.leftOther;
}
