// Escaping user text for the places reports put it.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// C0/C1 controls except tab and newline, DEL, and lone CR: they could move the
// cursor or start an escape sequence in a terminal.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Makes user text safe to print on one terminal line: controls become U+FFFD, newlines ↵. */
export function terminalLine(text: string): string {
  return text.replace(TERMINAL_CONTROLS, '\ufffd').replace(/\n/g, '↵').replace(/\t/g, ' ');
}
