// Numbers and placeholders become one slot so that renumbered and templated copies match:
// "2019年" ≈ "20xx年" ≈ "2021年", "××县" ≈ "3县", "99.9%" ≈ "95%".

export const SLOT = '#';

// Runs over the already-normalised text (NFKC, lower case): x/×/○/* placeholders of two or more
// (one × is enough: "×县"), optionally glued to digits ("20xx"), and digit runs with decimal parts.
export const SLOT_PATTERN =
  /(?<![a-z])\d*(?:x{2,}|×+|○{2,}|\*{2,})\d*(?![a-z])|\d+(?:[.,]\d+)*/g;
