export const VERSION = '0.1.0';

export const HELP = `taohua ${VERSION} — find stock phrasing (套话) and near-duplicate text

Usage:
  taohua check DRAFT (--against PATH... | --index FILE) [--json | --csv] [--html FILE]
  taohua scan PATH... | --index FILE  [--json | --csv [--table T]] [--html FILE] [--group-by COLUMN] [--meta FILE.csv]
                                      [--top N] [--sort KEY] [--min-docs N]
  taohua phrases ...                  (same as scan)
  taohua find PHRASE (--against PATH... | --index FILE) [--json | --csv] [--context N] [--sort doc|left|right]
                                      [--group-by COLUMN] [--meta FILE.csv] [--top N]
  taohua compare A B [--json] [--html FILE]
  taohua index PATH... -o FILE [--redis URL]
  taohua add PATH... --index FILE
  taohua serve --index FILE [--port 8080] [--host 127.0.0.1]
  taohua worker --redis redis://HOST:PORT

Inputs: .txt .md .html .htm .docx .pdf files, folders of them, or - for standard input.

Output:
  --json              one JSON document on stdout (schemas in the README)
  --csv               CSV on stdout (RFC 4180); --bom: for Excel (BOM, formula cells neutralised)
  --table T           scan --csv: phrases (default), documents, groups (long), groups-wide (with --group-by)
  --html FILE         write a self-contained HTML report (check, compare) or phrase page (scan)
  --meta FILE.csv     document metadata: a path column plus any others (check, scan, find, index, add)
  --group-by COLUMN   scan, find: per group of a metadata column (year: from file names too)
  --top N             phrases (scan) or occurrences (find) shown; default 20 on the terminal for scan
  --sort KEY          scan: docFreq (default), count, meanChars, text, template; --asc to reverse
                      find: doc (default), left or right context
  --context N         find: characters of context either side (default 20)
  --no-color          plain terminal output (also NO_COLOR=1)
  -q, --quiet         no progress or summary lines on stderr

The editor's report (check only; see the README):
  --exclude PATH|GLOB leave corpus documents out for this run (repeatable; works on a saved index)
  --allow FILE        text that may be reused: matching stock is marked allowed, not counted
  --no-quotes         do not count stock inside quotation marks (“” 「」 『』 ‘’ "")
  --no-headings       do not count headings (一、 (三) 2. …)
  --min-match N       stock spans shorter than N content characters are not stock
  --formula-docs N    a span in at least N corpus documents is a formula (default 5)

Matching (defaults in the README):
  --mode char|word    shingles of characters or jieba words
  --n N               shingle length
  --bands B --rows R  LSH bands (≤ 128) and rows per band (≤ 16), k = B × R ≤ 512
  --threshold X       exact Jaccard a draft unit must reach to match (0–1)
  --cluster-threshold X  exact Jaccard two corpus units need to join one phrase (scan)
  --min-chars N       shortest unit matched, in content characters (scan: shortest phrase listed, default 4)
  --span-chars N      check: shortest exact shared run marked stock (default 8; a letter counts a fifth)
  --min-docs N        documents a stock phrase must appear in (scan)
  --stock-coverage X  share of a sentence that must be stock for the label stock
  --keep-chrome       treat page chrome (download prompts, site watermarks) as text
  --no-synonyms       do not fold known spinner synonyms (效劳→服务 …); scan from paths never folds them
  --synonyms          scan from paths: fold them (check, index and compare do by default)
  --no-places         do not fold 县/区/市 … into one class
  -t, --threads N     worker threads (default: one per core, at most 4 per core)

An option a command does not use is refused (exit 2).

Exit codes: 0 ok · 1 done, but some inputs were skipped · 2 usage · 3 path missing, unreadable
            or not a regular file · 4 input not usable (binary, undecodable, empty, no text, too
            large) · 5 index file problem · 6 Redis problem · 7 index in use (locked by another
            taohua) · 70 internal error
`;
