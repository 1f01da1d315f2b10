// The shapes that cross stage boundaries, and the JSON schemas users see.
// Offsets are JS string indices (UTF-16 code units), end-exclusive.
import type { ErrorCode } from './errors.js';

/** Where a document's text came from, so that offsets can be reproduced. */
export type DocFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf' | 'stdin';

/** A decoded (or extracted) document: `text` is what every offset refers to. */
export interface SourceDoc {
  path: string;
  text: string;
  format: DocFormat;
  /** 'utf-8', 'utf-16le', 'gb18030', 'big5', … or 'extracted' for docx/pdf. */
  encoding: string;
}

/**
 * The normalised view of a text. Normalised character i came from
 * `original.slice(starts[i], ends[i])`; both arrays are non-decreasing.
 */
export interface Normalised {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

export const UNIT_HEADING = 1;
export const UNIT_CHROME = 2;

/**
 * Units of one document as flat index pairs into the *normalised* text:
 * sentence i spans [sentences[2i], sentences[2i+1]).
 * Clause j spans [clauses[2j], clauses[2j+1]) and lies in sentence clauseSentence[j].
 */
export interface Segments {
  sentences: Int32Array;
  sentenceFlags: Uint8Array;
  clauses: Int32Array;
  clauseSentence: Int32Array;
}

/** A document ready for matching. */
export interface PreparedDoc {
  doc: SourceDoc;
  norm: Normalised;
  segments: Segments;
}

export type ShingleMode = 'char' | 'word';

// ---- results (the JSON schemas) ----

export type Label = 'stock' | 'edited' | 'original' | 'chrome';
export type SpanKind = 'stock' | 'original' | 'chrome';

/** How a stock span differs from its source, read on the original characters (see README, Tiers). */
export type Tier = 'verbatim' | 'figures' | 'reworded';
/** `formula`: the span's text is in at least `--formula-docs` corpus documents; `copied`: in fewer. */
export type Reuse = 'formula' | 'copied';
/** Why a stock span is left out of the stock ratio: inside quotation marks, in a heading, or allowed text. */
export type LeftOut = 'quote' | 'heading' | 'allowed';

export interface Span {
  start: number;
  end: number;
  kind: SpanKind;
  /** Stock spans: how the draft's characters differ from the source's. */
  tier?: Tier;
  /** Stock spans: a formula shared by many documents, or text copied from few. */
  reuse?: Reuse;
  /** Stock spans: how many corpus documents contain this span's normalised text (the span layer). */
  docFreq?: number;
  /** Stock spans inside quotation marks (“”「」『』‘’ "…"), whether or not quotations are left out. */
  quoted?: boolean;
  /** Stock spans not counted in `stockChars` (--no-quotes, --no-headings, --allow). */
  leftOut?: LeftOut;
  /** Stock spans: the aligned source text this span was matched to (original offsets in that document). */
  source?: SpanSource;
}

export interface SpanSource {
  doc: string;
  start: number;
  end: number;
}

export interface Match {
  doc: string;
  /** The aligned source passage, original offsets in that document. */
  start: number;
  end: number;
  text: string;
  /** Best exact Jaccard of a verified unit from this document (1 for an exact span). */
  similarity: number;
  /** Share of the sentence's content characters this document's aligned passages cover. */
  coverage: number;
}

export interface SentenceResult {
  start: number;
  end: number;
  text: string;
  label: Label;
  similarity: number;
  heading: boolean;
  /** Sentences with counted stock: the most changed tier of those spans. */
  tier?: Tier;
  /** Sentences with counted stock: `formula` when every such span is a formula, else `copied`. */
  reuse?: Reuse;
  /** Sentences with counted stock: the document its largest stock part comes from. */
  source?: string;
  spans: Span[];
  matches: Match[];
}

export interface SourceCoverage {
  doc: string;
  /** Non-blank characters of the draft's stock spans that this document's aligned passages cover. */
  stockChars: number;
  /** Sentences whose first source this document is. */
  sentences: number;
  /** The source document's metadata (--meta columns, a year from its file name), when it has any. */
  meta?: Record<string, string>;
}

export interface CheckResult {
  schema: 'taohua.check/1';
  document: string;
  format: DocFormat;
  encoding: string;
  /** Non-blank characters of the draft, chrome excluded. */
  chars: number;
  stockChars: number;
  stockRatio: number;
  counts: Record<Label, number>;
  sentences: SentenceResult[];
  sources: SourceCoverage[];
  /** The figures of a 查重 report (see README, Ratio panel). */
  panel?: RatioPanel;
}

export interface LargestSource {
  doc: string;
  stockChars: number;
  /** stockChars / the characters of the draft (or of the section). */
  ratio: number;
}

export interface SectionRatio {
  start: number;
  end: number;
  chars: number;
  stockChars: number;
  /** stockChars / chars of this section. */
  ratio: number;
  /** stockChars / chars of the whole draft: the sections' shares add up to the total ratio. */
  share: number;
  /** The heading that opens the section (一、…), '' for text before the first heading. */
  heading: string;
  largestSource: LargestSource | null;
}

export interface TierCount {
  /** Counted stock characters in spans of this tier. */
  chars: number;
  sentences: number;
}

export interface RatioPanel {
  /** stockChars / chars (= stockRatio). */
  total: number;
  /** Counted stock outside quotation marks / chars. */
  withoutQuotes: number;
  /** Counted stock in `copied` spans / chars (formulas left out). */
  copiedOnly: number;
  largestSource: LargestSource | null;
  sections: SectionRatio[];
  tierCounts: Record<Tier, TierCount>;
  reuseCounts: Record<Reuse, TierCount>;
  /** Stock characters left out of the ratio, by reason. */
  leftOutChars: Record<LeftOut, number>;
  /** Corpus documents left out with --exclude. */
  excludedDocs: number;
}

export interface Member {
  doc: string;
  start: number;
  end: number;
  text: string;
}

/** What a template slot holds where members differ: numbers, person names, place names, anything else. */
export type SlotKind = 'NUM' | 'NAME' | 'PLACE' | 'X';

/** One text a slot takes, as written in the members, and how many member occurrences have it. */
export interface SlotVariant {
  text: string;
  count: number;
}

export interface TemplateSlot {
  kind: SlotKind;
  /** Most frequent first (ties by text), at most 20; '' where a member has nothing there. */
  variants: SlotVariant[];
  /** Member occurrences whose text here is not among the variants listed. */
  others: number;
}

/** `formula`: a maximal exact string shared by documents (span layer); `cluster`: near-duplicate units (unit layer). */
export type PhraseKind = 'formula' | 'cluster';

export interface Phrase {
  /** Absent in results made before the span layer: read as 'cluster'. */
  kind?: PhraseKind;
  text: string;
  /** The members' common core with varying parts as {NUM} / {NAME} / {PLACE} / {X} slots. */
  template: string;
  /** The template's slots in order, each with its variants. */
  slots: TemplateSlot[];
  docFreq: number;
  count: number;
  meanChars: number;
  docs: string[];
  members: Member[];
  /** Clusters: the text of the longest formula inside the cluster's first member, if any. */
  formula?: string;
}

export interface DocumentStats {
  path: string;
  chars: number;
  stockChars: number;
  stockRatio: number;
  phrases: number;
  /** The document's metadata (--meta columns, a year from its file name), when it has any. */
  meta?: Record<string, string>;
}

export interface ScanResult {
  schema: 'taohua.scan/1';
  documents: DocumentStats[];
  phrases: Phrase[];
}

/** A problem with one input that does not stop the run. */
export interface InputProblem {
  path: string;
  code: ErrorCode;
  message: string;
}

/** A passage shared by two documents in `compare`. */
export interface SharedPassage {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  similarity: number;
}

export interface CompareResult {
  schema: 'taohua.compare/1';
  a: { path: string; chars: number; sharedChars: number };
  b: { path: string; chars: number; sharedChars: number };
  /** Shared characters of both documents over all their characters. */
  similarity: number;
  passages: SharedPassage[];
}

/** One occurrence of a phrase, with its context: a KWIC line. */
export interface Occurrence {
  doc: string;
  /** Original offsets of the occurrence in that document. */
  start: number;
  end: number;
  text: string;
  /** Up to `--context` characters before and after it, as written. */
  left: string;
  right: string;
  /** With --group-by: the document's value of that metadata column ('' when it has none). */
  group?: string;
}

export interface FindResult {
  schema: 'taohua.find/1';
  phrase: string;
  /** The content characters looked up (normalised: script, width, numbers as #). */
  normalised: string;
  docFreq: number;
  count: number;
  /** In document order, then by position (or as --sort asks: by left or right context). */
  occurrences: Occurrence[];
  /** With --group-by: the column, and per group (in group order) the documents and occurrences. */
  groupBy?: string;
  groups?: Array<{ group: string; docs: number; count: number }>;
}
