// `npm run eval`: builds the labelled set, measures taohua and the baselines, sweeps parameters,
// and writes bench/out/eval.json and bench/eval/RESULTS.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS } from '../../src/index.js';
import { evaluate, log } from './evaluate.js';
import { generate, kindCounts, type LabelledSet } from './generate.js';
import { buildTaohuaIndex, taohuaDetector } from './method-taohua.js';
import { bruteDetector } from './method-brute.js';
import { minhashDetector } from './method-minhash.js';
import { ngramDetector } from './method-ngram.js';
import { Rng } from './prng.js';
import { markdownTable, NOTES, refusedLines, singleSourceLines, terminalTable, type MethodResult } from './report.js';
import { readFolder, splitCorpus } from './sources.js';
import { DEFAULT_POINT, MAX_FALSE_ALARM, spanSweep, sweep, type Point, type SweepRow } from './sweep.js';
import { resultsMarkdown } from './results-md.js';
import { scoreTiers, tierTable } from './tiers.js';
import { checkDocument } from '../../src/pipeline.js';
import { normaliseOptions, textDocument } from '../../src/index.js';
import type { CorpusIndex } from '../../src/index/corpus-index.js';

export const SEED = 20240611;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function labelledSets(seed = SEED, perKind = 40, originals = 60): LabelledSet[] {
  const sets: LabelledSet[] = [];
  const corpora: Array<[string, string]> = [
    ['corpus', join(ROOT, 'corpus')],
    ['gwr', join(ROOT, '..', 'shared', 'gwr')],
  ];
  for (const [name, dir] of corpora) {
    const docs = readFolder(dir);
    if (!docs) {
      log(`${name}: ${dir} absent, skipped`);
      continue;
    }
    const corpus = splitCorpus(name, docs, new Rng(seed));
    const set = generate(corpus, { seed, perKind, originals, draftSize: 25 });
    log(`${name}: ${corpus.indexed.length} documents indexed, ${corpus.heldOut.length} held out; ${JSON.stringify(kindCounts(set))}; ${set.singleSource.length} single-source drafts; ${set.refused.reduce((n, d) => n + d.items.length, 0)} candidate originals refused`);
    sets.push(set);
  }
  return sets;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const sets = labelledSets();
  const methods: Array<[string, (s: LabelledSet) => Promise<ReturnType<typeof bruteDetector>> | ReturnType<typeof bruteDetector>]> = [
    ['taohua (defaults)', async (s) => taohuaDetector(await buildTaohuaIndex(s.indexed, {}), {})],
    ['minhash npm (LshIndex)', (s) => minhashDetector(s.indexed, {})],
    ['exact 8-gram', (s) => ngramDetector(s.indexed, {})],
    ['brute-force Jaccard', (s) => bruteDetector(s.indexed, {})],
  ];
  const results: MethodResult[] = [];
  for (const [name, build] of methods) {
    const evaluation = await evaluate(sets, build);
    log(`${name}: ${evaluation.seconds.toFixed(1)} s, mean char-F1 ${evaluation.measures.meanCharF1.toFixed(3)}`);
    results.push({ name, evaluation });
  }
  const indexes = new Map<LabelledSet, CorpusIndex>();
  for (const s of sets) indexes.set(s, await buildTaohuaIndex(s.indexed, {}));
  const tiers = scoreTiers(sets, (s, text) => checkDocument(textDocument(text, '<draft>'), indexes.get(s)!, normaliseOptions({})));
  const { rows, best } = await sweep(sets);
  const spanRows = await spanSweep(sets);
  const seconds = (performance.now() - t0) / 1000;
  console.log(terminalTable(results));
  console.log('');
  for (const l of [...singleSourceLines(results), ...refusedLines(results)]) console.log(l);
  console.log('');
  for (const n of NOTES) console.log(`- ${n}`);
  console.log('');
  console.log(recommendation(best));
  console.log('');
  console.log(tierTable(tiers));
  const out = join(ROOT, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  const json = {
    seed: SEED,
    corpora: sets.map((s) => ({ name: s.corpus, indexed: s.indexed.map((d) => d.path), drafts: s.drafts.length, singleSource: s.singleSource.map((d) => d.source), refused: s.refused.reduce((n, d) => n + d.items.length, 0), kinds: kindCounts(s) })),
    methods: results.map((r) => ({
      name: r.name,
      seconds: r.evaluation.seconds,
      measures: r.evaluation.measures,
      singleSource: r.evaluation.singleSource,
      perCorpus: r.evaluation.perCorpus,
    })),
    sweep: { rule: RULE, rows, best },
    spanSweep: spanRows,
    defaults: DEFAULT_POINT,
    tiers,
    seconds,
  };
  writeFileSync(join(out, 'eval.json'), JSON.stringify(json, null, 2));
  const md = resultsMarkdown({ table: markdownTable(results), single: [...singleSourceLines(results), ...refusedLines(results)], corpora: json.corpora, rows, spanRows, best, rule: RULE, recommendation: recommendation(best) });
  writeFileSync(join(ROOT, 'bench', 'eval', 'RESULTS.md'), `${md}\n## Tiers of sentences\n\nShare of the flagged sentences of each kind that get the tier an editor should see.\n\n${tierTable(tiers)}\n`);
  log(`done in ${seconds.toFixed(0)} s; wrote bench/out/eval.json and bench/eval/RESULTS.md`);
}

const RULE = `maximise the mean char-F1 over the copy kinds subject to a false-alarm rate ≤ ${MAX_FALSE_ALARM} on original sentences (ties: the current defaults)`;

function describe(p: Point): string {
  return `mode ${p.mode}, n ${p.n}, bands×rows ${p.bands}×${p.rows}, threshold ${p.threshold}, minChars ${p.minChars}, spanChars ${p.spanChars}`;
}

function recommendation(best: SweepRow): string {
  const same = (Object.keys(DEFAULT_POINT) as Array<keyof Point>).every((k) => DEFAULT_POINT[k] === best[k]);
  return [
    `recommended defaults: ${describe(best)} (mean char-F1 ${best.meanCharF1.toFixed(3)}, false alarm ${best.falseAlarm.toFixed(3)})`,
    `rule: ${RULE}`,
    same ? 'these are the current defaults in src/options.ts' : `current defaults in src/options.ts differ: ${describe(DEFAULT_POINT)} (stockCoverage ${DEFAULTS.match.stockCoverage})`,
  ].join('\n');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
