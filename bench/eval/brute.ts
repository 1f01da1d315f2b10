// Exact Jaccard of a unit against every corpus unit: an inverted index over shingles finds every
// unit that shares at least one shingle (all others have Jaccard 0), so the best match is exact.

export class ExactJaccard {
  private readonly postings = new Map<number, number[]>();
  private readonly sizes: Int32Array;
  private readonly counts: Int32Array;

  constructor(units: readonly Uint32Array[]) {
    this.sizes = Int32Array.from(units.map((u) => u.length));
    this.counts = new Int32Array(units.length);
    units.forEach((shingles, id) => {
      for (const h of shingles) {
        const list = this.postings.get(h);
        if (list) list.push(id);
        else this.postings.set(h, [id]);
      }
    });
  }

  /** The highest exact Jaccard of `shingles` (sorted, unique) with any corpus unit. */
  best(shingles: Uint32Array): number {
    const touched: number[] = [];
    for (const h of shingles) {
      const list = this.postings.get(h);
      if (!list) continue;
      for (const id of list) if (this.counts[id]++ === 0) touched.push(id);
    }
    let best = 0;
    for (const id of touched) {
      const inter = this.counts[id];
      const j = inter / (shingles.length + this.sizes[id] - inter);
      if (j > best) best = j;
      this.counts[id] = 0;
    }
    return best;
  }
}
