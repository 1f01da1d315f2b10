// The ratio panel of a check as terminal lines (README, "Ratio panel").
import type { RatioPanel } from '../types.js';
import { terminalLine } from './escape.js';
import { formatCount, formatPercent } from './format.js';
import { padEndToWidth, padStartToWidth, truncateToWidth } from './width.js';

export function panelLines(p: RatioPanel, dim: (text: string) => string): string[] {
  const largest = p.largestSource ? `${terminalLine(p.largestSource.doc)} ${formatPercent(p.largestSource.ratio)}` : 'none';
  const lines = [
    `  without quotations ${formatPercent(p.withoutQuotes)} · copied only (formulas left out) ${formatPercent(p.copiedOnly)} · largest source ${largest}`,
    `tiers: verbatim ${p.tierCounts.verbatim.sentences} · figures ${p.tierCounts.figures.sentences} · reworded ${p.tierCounts.reworded.sentences} sentences` +
      ` · formula ${formatCount(p.reuseCounts.formula.chars)} · copied ${formatCount(p.reuseCounts.copied.chars)} chars`,
  ];
  const leftOut = p.leftOutChars.quote + p.leftOutChars.heading + p.leftOutChars.allowed;
  if (leftOut > 0 || p.excludedDocs > 0) {
    lines.push(
      `left out: quotations ${formatCount(p.leftOutChars.quote)} · headings ${formatCount(p.leftOutChars.heading)} · allowed ${formatCount(p.leftOutChars.allowed)} chars` +
        ` · ${p.excludedDocs} corpus documents excluded`,
    );
  }
  if (p.sections.length > 0) {
    lines.push(dim('sections:  stock  of draft  largest source'));
    for (const s of p.sections) {
      const name = padEndToWidth(truncateToWidth(terminalLine(s.heading || '(before the first heading)'), 28), 28);
      const src = s.largestSource ? `${terminalLine(s.largestSource.doc)} ${formatPercent(s.largestSource.ratio)}` : '';
      lines.push(`  ${name} ${padStartToWidth(formatPercent(s.ratio), 6)} ${padStartToWidth(formatPercent(s.share), 8)}  ${src}`);
    }
  }
  return lines;
}
