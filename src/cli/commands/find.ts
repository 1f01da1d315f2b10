import { TaohuaError } from '../../errors.js';
import { findPhrase } from '../../spans/find.js';
import { arrangeFind, findCsv, FIND_SORTS, renderFindTerminal, toJson, type FindSort } from '../../report/index.js';
import { intFlag, type Flags } from '../args.js';
import { openCorpus } from '../corpus.js';
import { useColor, writeStdout } from '../output.js';

/** Context characters either side of a KWIC line, unless --context says otherwise. */
const DEFAULT_CONTEXT = 20;

/** `find PHRASE`: every occurrence of a phrase in the corpus, in context. */
export async function runFind(flags: Flags, positionals: string[]): Promise<number> {
  if (positionals.length !== 1 || positionals[0].trim() === '') {
    throw new TaohuaError('USAGE', 'find takes one phrase: taohua find PHRASE --index FILE | --against PATH...');
  }
  const corpus = await openCorpus(flags, flags.against ?? []);
  const context = intFlag(flags.context, 'context') ?? DEFAULT_CONTEXT;
  const sort = (flags.sort ?? 'doc') as FindSort;
  if (!FIND_SORTS.includes(sort)) throw new TaohuaError('USAGE', `--sort for find takes ${FIND_SORTS.join(', ')}, not "${flags.sort}"`);
  const column = flags['group-by'];
  if (column !== undefined && ![...corpus.meta.values()].some((m) => m[column] !== undefined)) {
    throw new TaohuaError('USAGE', `--group-by ${column}: no document has a ${column} (give --meta FILE.csv)`);
  }
  const groupBy = column === undefined ? undefined : { column, groupOf: (doc: string) => corpus.meta.get(doc)?.[column] };
  const result = arrangeFind(findPhrase(corpus.index, positionals[0], { context }), { sort, groupBy });
  if (flags.json) writeStdout(toJson(result));
  else if (flags.csv) process.stdout.write(findCsv(result, { bom: flags.bom }));
  else writeStdout(renderFindTerminal(result, { color: useColor(flags), top: intFlag(flags.top, 'top') }));
  return corpus.problems ? 1 : 0;
}
