// A character diff whose pure insertions and deletions sit at word boundaries where the text allows:
// "扩大对[内对]外开放" and "扩大[对内]对外开放" are the same edit, but only the second keeps words whole.
import { diffChars } from 'diff';

export interface EditPart {
  kind: 'equal' | 'added' | 'removed';
  chars: string[];
}

/** isBoundary[p] = 1 when code-point position p starts or ends a word. */
type Boundaries = Uint8Array;

export function editScript(
  base: readonly string[],
  member: readonly string[],
  baseWords: Boundaries,
  memberWords: Boundaries,
): EditPart[] {
  const parts: EditPart[] = diffChars(base.join(''), member.join('')).map((p) => ({
    kind: p.added ? 'added' : p.removed ? 'removed' : 'equal',
    chars: Array.from(p.value),
  }));
  // Equal parts at both ends (perhaps empty) take the text a hunk at an edge slides over.
  parts.unshift({ kind: 'equal', chars: [] });
  parts.push({ kind: 'equal', chars: [] });
  let basePos = 0;
  let memberPos = 0;
  for (let i = 0; i < parts.length; i++) {
    const { kind } = parts[i];
    if (kind !== 'equal' && parts[i - 1].kind === 'equal' && parts[i + 1].kind === 'equal') {
      const added = kind === 'added';
      const moved = slide(parts, i, added ? memberWords : baseWords, added ? baseWords : memberWords, {
        hunkSide: added ? memberPos : basePos,
        otherSide: added ? basePos : memberPos,
      });
      basePos += moved;
      memberPos += moved;
    }
    if (kind !== 'added') basePos += parts[i].chars.length;
    if (kind !== 'removed') memberPos += parts[i].chars.length;
  }
  return parts.filter((p) => p.chars.length > 0);
}

/**
 * Moves the pure hunk at parts[i] within the equal text around it to the offset with the most of
 * its three edges on word boundaries (its start and end on its own side, the point on the other
 * side); ties keep the nearest offset. `at` holds the hunk's start before moving; returns the move.
 */
function slide(
  parts: EditPart[],
  i: number,
  hunkWords: Boundaries,
  otherWords: Boundaries,
  at: { hunkSide: number; otherSide: number },
): number {
  const prev = parts[i - 1].chars;
  const next = parts[i + 1].chars;
  const hunk = parts[i].chars;
  const h = hunk.length;
  let left = 0;
  while (left < prev.length && prev[prev.length - 1 - left] === hunk[(((h - 1 - left) % h) + h) % h]) left++;
  let right = 0;
  while (right < next.length && next[right] === hunk[right % h]) right++;
  const score = (d: number): number => hunkWords[at.hunkSide + d] + hunkWords[at.hunkSide + d + h] + otherWords[at.otherSide + d];
  let best = 0;
  for (let d = -left; d <= right; d++) {
    if (score(d) > score(best) || (score(d) === score(best) && Math.abs(d) < Math.abs(best))) best = d;
  }
  if (best === 0) return 0;
  const stream = [...prev, ...hunk, ...next];
  const cut = prev.length + best;
  parts[i - 1].chars = stream.slice(0, cut);
  parts[i].chars = stream.slice(cut, cut + h);
  parts[i + 1].chars = stream.slice(cut + h);
  return best;
}
