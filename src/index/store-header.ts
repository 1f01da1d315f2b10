// The JSON header of a saved index, checked field by field before anything is built from it: a
// crafted header (with a recomputed checksum) must give a clear error, never a huge allocation,
// a crash on a missing field, or an index whose parts disagree.
type Obj = Record<string, unknown>;

const SECTION_TYPES = new Set(['u8', 'u16', 'i32', 'u32', 'f64', 'utf16']);
const FORMATS = new Set(['txt', 'md', 'html', 'docx', 'pdf', 'stdin']);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isPositive = (v: unknown): v is number => isCount(v) && v > 0;
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

/** What is wrong with the header (a short phrase), or null when every field is sound. */
export function headerProblem(h: unknown): string | null {
  if (!isObj(h)) return 'header is not an object';
  const params = paramsProblem(h.params);
  if (params !== null) return params;
  if (!isObj(h.chromeModel) || !Array.isArray(h.chromeModel.lines) || !h.chromeModel.lines.every((l) => typeof l === 'string')) {
    return 'bad chrome model';
  }
  if (!isCount(h.unitCount) || !isCount(h.uniqueCount) || h.uniqueCount > h.unitCount) return 'bad unit counts';
  if (!isPositive(h.bands)) return 'bad band count';
  if (h.bands !== (h.params as { sketch: Obj }).sketch.bands) return `band counts disagree (${h.bands} in the table, ${String((h.params as { sketch: Obj }).sketch.bands)} in the parameters)`;
  if (!Array.isArray(h.docs)) return 'no document list';
  let rows = 0;
  for (const d of h.docs) {
    if (!isObj(d) || typeof d.path !== 'string' || typeof d.hash !== 'string' || typeof d.encoding !== 'string') return 'bad document entry';
    if (typeof d.format !== 'string' || !FORMATS.has(d.format)) return 'bad document format';
    if (!isCount(d.textChars) || !isCount(d.normChars) || !isCount(d.chromeInts) || !isCount(d.rows)) return 'bad document sizes';
    if (!isCount(d.spanChars) || d.spanChars > d.normChars) return 'bad span lengths';
    rows += d.rows;
  }
  if (rows !== h.unitCount) return 'row counts';
  if (!isPositive(h.spanBuckets) || (h.spanBuckets & (h.spanBuckets - 1)) !== 0 || !isCount(h.spanPostings)) return 'bad span layer sizes';
  if (!Array.isArray(h.sections)) return 'no section list';
  for (const s of h.sections) {
    if (!isObj(s) || typeof s.name !== 'string' || typeof s.type !== 'string' || !SECTION_TYPES.has(s.type)) return 'bad section entry';
    if (!isCount(s.offset) || !isCount(s.bytes)) return `bad ${s.name} section`;
  }
  return null;
}

function paramsProblem(p: unknown): string | null {
  if (!isObj(p) || !isObj(p.normalise) || !isObj(p.sketch)) return 'bad parameters';
  const n = p.normalise;
  if (!isBool(n.script) || !isBool(n.slots) || !isBool(n.places) || !isBool(n.synonyms)) return 'bad normalisation parameters';
  const k = p.sketch;
  if ((k.mode !== 'char' && k.mode !== 'word') || !isPositive(k.n) || !isPositive(k.bands) || !isPositive(k.rows)) return 'bad sketch parameters';
  if (!isPositive(p.minChars) || !isBool(p.chrome)) return 'bad matching parameters';
  return null;
}
