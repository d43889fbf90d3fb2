/**
 * A calendar of slots by month: each entry, a slot and a tag (a number its owner checks when the
 * entry falls due, such as the spell it was filed for), is filed under the month it falls due and
 * read once, in that month, in the order it was filed. Months at or past the horizon are not kept.
 * A compaction's renumbering carries the entries over, dropping the slots it dropped.
 */
export class Calendar {
  /** Per month: slot, tag, slot, tag, ... */
  private readonly entries: Int32Array[];
  private readonly counts: Int32Array;

  constructor(readonly months: number) {
    this.entries = Array.from({ length: months }, () => new Int32Array(0));
    this.counts = new Int32Array(months);
  }

  /** Files `slot` with `tag` under `month` (nothing at or past the horizon). */
  add(month: number, slot: number, tag: number): void {
    if (month >= this.months) return;
    let e = this.entries[month];
    const c = this.counts[month];
    if (2 * c === e.length) {
      const grown = new Int32Array(Math.max(64, 2 * e.length));
      grown.set(e);
      this.entries[month] = e = grown;
    }
    e[2 * c] = slot;
    e[2 * c + 1] = tag;
    this.counts[month] = c + 1;
  }

  /** How many entries fall due in `month`. */
  count(month: number): number {
    return month < this.months ? this.counts[month] : 0;
  }

  /** The entries of `month` (slot, tag, ...; `count(month)` pairs), read before `forget(month)`. */
  due(month: number): Int32Array {
    return this.entries[month];
  }

  /** Drops the entries of `month` (read): the calendar keeps none for months gone by. */
  forget(month: number): void {
    if (month < this.months) this.counts[month] = 0;
  }

  /** Renumbers the entries of months `from` on through a compaction's `renumbered` (`to`), dropping those it dropped. */
  renumber(to: Int32Array, from: number): void {
    for (let m = Math.max(0, from); m < this.months; m++) {
      const e = this.entries[m], c = this.counts[m];
      let w = 0;
      for (let k = 0; k < c; k++) {
        const j = to[e[2 * k]];
        if (j < 0) continue;
        e[2 * w] = j;
        e[2 * w + 1] = e[2 * k + 1];
        w++;
      }
      this.counts[m] = w;
    }
  }

  /** Drops every entry. */
  clear(): void {
    this.counts.fill(0);
  }
}
