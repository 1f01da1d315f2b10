// Pairs of small ids (below 2^26) collected with repeats, then sorted and deduplicated; 8 bytes
// per collected pair.
const WIDTH = 0x4000000;

export class PairList {
  private packed = new Float64Array(1024);
  private n = 0;

  add(x: number, y: number): void {
    if (this.n === this.packed.length) {
      const grown = new Float64Array(this.n * 2);
      grown.set(this.packed);
      this.packed = grown;
    }
    this.packed[this.n++] = x < y ? x * WIDTH + y : y * WIDTH + x;
  }

  /** Distinct pairs (a[i] < b[i]), sorted by a then b; count is the number of distinct ids. */
  distinct(count: number): { a: Int32Array; b: Int32Array } {
    if (count > WIDTH) throw new RangeError('too many distinct units in one partition; use more partitions');
    const sorted = this.packed.subarray(0, this.n).sort();
    let u = 0;
    for (let i = 0; i < this.n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[u++] = sorted[i];
    const a = new Int32Array(u);
    const b = new Int32Array(u);
    for (let i = 0; i < u; i++) {
      a[i] = Math.floor(sorted[i] / WIDTH);
      b[i] = sorted[i] - a[i] * WIDTH;
    }
    return { a, b };
  }
}
