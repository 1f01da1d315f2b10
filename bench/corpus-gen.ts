// A deterministic synthetic corpus for the scaling bench: documents of 5–50 KB in which about 30%
// of sentences are stock (taken verbatim, or with one character changed, from corpus/ and, when
// present, ../shared/gwr) and the rest are original sentences recombined from a vocabulary of
// two-character words drawn from the same texts. Same seed, same files, byte for byte.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GenOptions {
  dir: string;
  /** Total UTF-8 size to write, in MB (10^6 bytes). */
  mb: number;
  seed: number;
  /** Folders of .txt files to take stock sentences and vocabulary from. */
  sources: string[];
  stockShare?: number;
}

export interface GenFile {
  path: string;
  bytes: number;
  chars: number;
}

const GEN_VERSION = 1;

/** mulberry32: small, fast, and good enough for shuffling text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Material {
  stock: string[];
  words: string[];
}

function readTexts(dirs: string[]): string[] {
  return dirs
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => readFileSync(join(d, f), 'utf8')),
    );
}

function material(dirs: string[]): Material {
  const texts = readTexts(dirs);
  const stock = new Set<string>();
  const words = new Set<string>();
  for (const t of texts) {
    for (const s of t.split(/(?<=[。！？；])|\n/)) {
      const trimmed = s.trim();
      if (trimmed.length >= 10 && trimmed.length <= 80 && /[\u4e00-\u9fff]{6}/.test(trimmed)) stock.add(trimmed);
    }
    for (const m of t.matchAll(/[\u4e00-\u9fff]{2}/g)) words.add(m[0]);
  }
  if (stock.size === 0 || words.size === 0) throw new Error(`no source text in ${dirs.join(', ')}`);
  return { stock: [...stock], words: [...words] };
}

function pick<T>(a: T[], rnd: () => number): T {
  return a[Math.floor(rnd() * a.length)];
}

function originalSentence(m: Material, rnd: () => number): string {
  const clauses = 1 + Math.floor(rnd() * 3);
  const parts: string[] = [];
  for (let c = 0; c < clauses; c++) {
    const n = 3 + Math.floor(rnd() * 7);
    let s = '';
    for (let w = 0; w < n; w++) s += pick(m.words, rnd);
    parts.push(s);
  }
  return parts.join('，') + (rnd() < 0.9 ? '。' : '；');
}

function stockSentence(m: Material, rnd: () => number): string {
  const s = pick(m.stock, rnd);
  if (rnd() >= 0.2) return s;
  // An edited copy: one character swapped for a vocabulary character.
  const at = Math.floor(rnd() * s.length);
  return s.slice(0, at) + pick(m.words, rnd)[0] + s.slice(at + 1);
}

function documentText(m: Material, rnd: () => number, targetBytes: number, stockShare: number): string {
  const paras: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const n = 3 + Math.floor(rnd() * 6);
    let p = '';
    for (let i = 0; i < n; i++) p += rnd() < stockShare ? stockSentence(m, rnd) : originalSentence(m, rnd);
    paras.push(p);
    bytes += Buffer.byteLength(p) + 2;
  }
  return paras.join('\n\n') + '\n';
}

/** Writes the corpus (or reuses it when the same options already made it); files in order. */
export function generateCorpus(o: GenOptions): GenFile[] {
  const stamp = JSON.stringify({ v: GEN_VERSION, mb: o.mb, seed: o.seed, sources: o.sources, share: o.stockShare ?? 0.3 });
  const manifest = join(o.dir, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { stamp: string; files: GenFile[] };
    if (m.stamp === stamp) return m.files;
  }
  mkdirSync(o.dir, { recursive: true });
  const mat = material(o.sources);
  const rnd = prng(o.seed);
  const files: GenFile[] = [];
  let total = 0;
  for (let i = 0; total < o.mb * 1e6; i++) {
    const text = documentText(mat, rnd, 5_000 + Math.floor(rnd() * 45_000), o.stockShare ?? 0.3);
    const path = join(o.dir, `doc-${String(i).padStart(6, '0')}.txt`);
    writeFileSync(path, text);
    const bytes = Buffer.byteLength(text);
    files.push({ path, bytes, chars: text.length });
    total += bytes;
  }
  writeFileSync(manifest, JSON.stringify({ stamp, files }));
  return files;
}

/** The first files adding up to at least `mb` MB. */
export function prefix(files: GenFile[], mb: number): GenFile[] {
  const out: GenFile[] = [];
  let total = 0;
  for (const f of files) {
    if (total >= mb * 1e6) break;
    out.push(f);
    total += f.bytes;
  }
  return out;
}
