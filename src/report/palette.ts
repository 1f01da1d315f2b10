// Colours of the HTML reports, shared by the stylesheet and the inline SVG.

export const PALETTE = {
  ink: '#1f2328',
  muted: '#57606a',
  rule: '#d8dee4',
  paper: '#ffffff',
  page: '#f6f8fa',
  stock: '#c4320a',
  stockBg: '#ffe1d2',
  edited: '#9a6700',
  editedBg: '#fff4d1',
  chrome: '#8c959f',
  chromeBg: '#eef1f4',
  accent: '#0969da',
} as const;
