// Suffix array and LCP of an integer string (prefix doubling with counting sorts; Kasai's LCP).
// Written here rather than taken from a package: the npm ones sort strings (UTF-16 only, no
// separators) or use comparison sorts; this is O(n log n) on flat Int32Arrays.

/** Suffix array of t, whose values lie in [0, alphabet). */
export function suffixArray(t: Int32Array, alphabet: number): Int32Array {
  const n = t.length;
  const sa = new Int32Array(n);
  if (n === 0) return sa;
  let rank = new Int32Array(n);
  let next = new Int32Array(n);
  const tmp = new Int32Array(n);
  countingSort(t, n, alphabet, null, sa);
  let classes = reRank(sa, rank, (i, j) => t[i] !== t[j]);
  for (let h = 1; classes < n; h *= 2) {
    // Order by the second key (rank[i + h], missing first), then stably by the first.
    let k = 0;
    for (let i = n - h; i < n; i++) tmp[k++] = i;
    for (let i = 0; i < n; i++) if (sa[i] >= h) tmp[k++] = sa[i] - h;
    countingSort(rank, n, classes, tmp, sa);
    const r = rank;
    classes = reRank(sa, next, (i, j) => r[i] !== r[j] || (i + h < n ? r[i + h] : -1) !== (j + h < n ? r[j + h] : -1));
    [rank, next] = [next, rank];
  }
  return sa;
}

/** Stable counting sort of positions (`order`, or 0..n-1) by key[pos] into out. */
function countingSort(key: Int32Array, n: number, range: number, order: Int32Array | null, out: Int32Array): void {
  const count = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) count[key[i] + 1]++;
  for (let v = 0; v < range; v++) count[v + 1] += count[v];
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k];
    out[count[key[i]]++] = i;
  }
}

/** Ranks from a sorted order: a new class wherever `differs` says neighbours differ. Returns the class count. */
function reRank(sa: Int32Array, rank: Int32Array, differs: (i: number, j: number) => boolean): number {
  let c = 0;
  rank[sa[0]] = 0;
  for (let k = 1; k < sa.length; k++) {
    if (differs(sa[k - 1], sa[k])) c++;
    rank[sa[k]] = c;
  }
  return c + 1;
}

/** lcp[k] = length of the common prefix of suffixes sa[k - 1] and sa[k]; lcp[0] = 0. */
export function lcpArray(t: Int32Array, sa: Int32Array): Int32Array {
  const n = t.length;
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) rank[sa[k]] = k;
  const lcp = new Int32Array(n);
  let h = 0;
  for (let i = 0; i < n; i++) {
    if (rank[i] === 0) {
      h = 0;
      continue;
    }
    const j = sa[rank[i] - 1];
    while (i + h < n && j + h < n && t[i + h] === t[j + h]) h++;
    lcp[rank[i]] = h;
    if (h > 0) h--;
  }
  return lcp;
}
