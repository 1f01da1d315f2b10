/** A set of half-open integer intervals, kept merged and sorted. */
export class IntervalSet {
  private starts: number[] = [];
  private ends: number[] = [];

  static fromPairs(pairs: ArrayLike<number>): IntervalSet {
    const s = new IntervalSet();
    for (let i = 0; i + 1 < pairs.length; i += 2) s.add(pairs[i], pairs[i + 1]);
    return s;
  }

  add(a: number, b: number): void {
    if (b <= a) return;
    let i = this.firstEndingAtOrAfter(a);
    let start = a;
    let end = b;
    let j = i;
    while (j < this.starts.length && this.starts[j] <= end) {
      start = Math.min(start, this.starts[j]);
      end = Math.max(end, this.ends[j]);
      j++;
    }
    this.starts.splice(i, j - i, start);
    this.ends.splice(i, j - i, end);
  }

  /** Is [a, b) inside one interval of the set? */
  contains(a: number, b: number): boolean {
    const i = this.firstEndingAtOrAfter(b);
    return i < this.starts.length && this.starts[i] <= a && this.ends[i] >= b;
  }

  minus(other: IntervalSet): IntervalSet {
    const out = new IntervalSet();
    for (let i = 0; i < this.starts.length; i++) {
      let a = this.starts[i];
      const b = this.ends[i];
      for (let k = 0; k < other.starts.length && a < b; k++) {
        if (other.ends[k] <= a || other.starts[k] >= b) continue;
        if (other.starts[k] > a) out.add(a, other.starts[k]);
        a = Math.max(a, other.ends[k]);
      }
      if (a < b) out.add(a, b);
    }
    return out;
  }

  /** Sum of measure(a, b) over the intervals. */
  count(measure: (a: number, b: number) => number): number {
    let n = 0;
    for (let i = 0; i < this.starts.length; i++) n += measure(this.starts[i], this.ends[i]);
    return n;
  }

  pairs(): Array<[number, number]> {
    return this.starts.map((s, i) => [s, this.ends[i]]);
  }

  private firstEndingAtOrAfter(x: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
