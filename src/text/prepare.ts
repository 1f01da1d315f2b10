import type { NormaliseOptions } from '../options.js';
import type { PreparedDoc, SourceDoc } from '../types.js';
import { normalise } from './normalise.js';
import { segment } from './segment.js';

/** A decoded document → its normalised view and units. */
export function prepare(doc: SourceDoc, opts: NormaliseOptions): PreparedDoc {
  const norm = normalise(doc.text, opts);
  return { doc, norm, segments: segment(norm.text) };
}
