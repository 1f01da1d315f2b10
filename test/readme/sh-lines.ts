// The README's ```sh blocks, line by line, and what each line is: pure functions over the text.

export type LineKind =
  | 'run' // runs to completion; its exit code and output files are checked
  | 'serve' // `taohua serve`: started, polled on /healthz, stopped
  | 'worker' // `taohua worker`: started, left running for the lines after it, stopped at the end
  | 'redis-server' // started, pinged, left running for the lines after it, stopped at the end
  | 'suite' // `npm test`: the suite this check is part of, so it is not run again
  | 'install'; // `npm install` / `npm ci` alone: done before the suite runs

export interface ShLine {
  /** The line as the README writes it. */
  written: string;
  /** What is run: the line without its comment and without a leading `npm install && `. */
  command: string;
  comment: string;
  kind: LineKind;
  /** The exit code the comment documents (`# exit 1`, `# exits 3`), else 0. */
  exitCode: number;
  /** Files the command writes: `> FILE` and `-o`/`--output`/`--html FILE`. */
  outputs: string[];
  /** Whether it needs Redis (`--redis URL` or `redis-server`), and at which URL. */
  redisUrl: string | null;
}

const FENCE = /^```sh\s*$/;
const CLOSE = /^```\s*$/;
const INSTALL = /^npm (?:install|i|ci)\b[^&|;]*$/;
const SUITE = /^npm (?:test|t|run test)\b/;
const TAOHUA = /(?:^|&&|;|\|)\s*(?:npm start(?: -s| --silent)? --|node dist\/src\/cli\/main\.js|npx taohua|taohua)\s+([a-z]+)/;
const OUTPUT_FLAGS = new Set(['-o', '--output', '--html']);
const STDOUT_REDIRECTS = new Set(['>', '>>', '1>', '1>>']);

/** Every command line of every ```sh block, in README order (blank and comment-only lines dropped). */
export function shLines(readme: string): ShLine[] {
  const lines: ShLine[] = [];
  let inside = false;
  let pending = '';
  for (const raw of readme.split(/\r?\n/)) {
    if (!inside) {
      inside = FENCE.test(raw);
      continue;
    }
    if (CLOSE.test(raw)) {
      inside = false;
      continue;
    }
    if (raw.endsWith('\\')) {
      pending += `${raw.slice(0, -1)} `;
      continue;
    }
    const written = (pending + raw).trim();
    pending = '';
    if (written && !written.startsWith('#')) lines.push(describeLine(written));
  }
  return lines;
}

export function describeLine(written: string): ShLine {
  const { code, comment } = splitComment(written);
  const parts = code.split(/\s*&&\s*/);
  const withoutInstall = parts.length > 1 && INSTALL.test(parts[0]) ? parts.slice(1).join(' && ') : code;
  const words = shellWords(withoutInstall);
  return {
    written,
    command: withoutInstall,
    comment,
    kind: kindOf(withoutInstall, words),
    exitCode: Number(/\bexit(?:s| code)? (\d+)\b/.exec(comment)?.[1] ?? 0),
    outputs: outputsOf(words),
    redisUrl: /redis:\/\/[^\s'"]+/.exec(withoutInstall)?.[0] ?? (words[0] === 'redis-server' ? `redis://127.0.0.1:${flagValue(words, '--port') ?? 6379}` : null),
  };
}

function kindOf(command: string, words: string[]): LineKind {
  if (INSTALL.test(command)) return 'install';
  if (SUITE.test(command)) return 'suite';
  if (words[0] === 'redis-server') return 'redis-server';
  const sub = TAOHUA.exec(command)?.[1];
  return sub === 'serve' || sub === 'worker' ? sub : 'run';
}

function outputsOf(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    if (STDOUT_REDIRECTS.has(words[i]) || OUTPUT_FLAGS.has(words[i])) out.push(words[i + 1]);
  }
  for (const w of words) {
    const eq = /^--(?:output|html)=(.+)$/.exec(w);
    if (eq) out.push(eq[1]);
  }
  return out;
}

export function flagValue(words: string[], flag: string): string | undefined {
  const i = words.indexOf(flag);
  return i >= 0 ? words[i + 1] : words.find((w) => w.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

/** Splits at the first `#` that starts a word outside quotes, as the shell does. */
export function splitComment(line: string): { code: string; comment: string } {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return { code: line.slice(0, i).trim(), comment: line.slice(i + 1).trim() };
  }
  return { code: line.trim(), comment: '' };
}

/** Shell words, quotes removed; `>`, `>>`, `&&`, `|`, `;` outside quotes are words of their own. */
export function shellWords(code: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote = '';
  const flush = (): void => {
    if (started) words.push(word);
    word = '';
    started = false;
  };
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === quote) quote = '';
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      started = true;
    } else if (/\s/.test(c)) flush();
    else if ('>|;&'.includes(c)) {
      // `2>` (a digit right before `>`) redirects that file descriptor, not stdout.
      const fd = c === '>' && /^\d$/.test(word) ? word : '';
      if (fd) {
        word = '';
        started = false;
      }
      flush();
      const op = /^(?:>>|>|&&|\|\||\||;)/.exec(code.slice(i))?.[0] ?? c;
      words.push(fd + op);
      i += op.length - 1;
    } else {
      word += c;
      started = true;
    }
  }
  flush();
  return words;
}
