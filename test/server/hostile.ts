// Hostile inputs for the server tests, generated here (never committed): a .docx bomb, a PDF whose
// page list repeats one page, HTML of unclosed tags, and a raw HTTP client for slow or broken requests.

import { connect, type Socket } from 'node:net';
import JSZip from 'jszip';

/** A .docx whose document.xml inflates to about `bytes` of empty paragraphs (a few KB zipped). */
export async function docxBomb(bytes: number): Promise<Buffer> {
  const para = '<w:p><w:r><w:t>x</w:t></w:r></w:p>';
  const body = para.repeat(Math.ceil(bytes / para.length));
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file('word/document.xml', document);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A PDF with one page of text, listed `repeats` times in the page tree (all kids are the same object). */
export function repeatedPagePdf(repeats: number, text = 'Hello'): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const kids = Array.from({ length: repeats }, () => '3 0 R').join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${repeats} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** HTML of `n` unclosed tags (<div><b> pairs, `text` in each pair), then `after`. */
export function unclosedTagsHtml(n: number, text = '字', after = ''): string {
  return `<html><body>${`<div><b>${text}`.repeat(n / 2)}${after}</body></html>`;
}

/**
 * A raw HTTP/1.1 request on a socket: what fetch cannot send (broken bodies). The head goes first;
 * the body follows only if no answer came within `pauseMs` (a server may refuse a body by its
 * Content-Length and close: what it answered counts, not a write that failed after).
 */
export function rawRequest(url: string, head: string, body: Buffer | string = '', pauseMs = 0): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    let data = '';
    const socket = connect(Number(u.port), u.hostname, () => {
      socket.write(`${head.replace(/\n/g, '\r\n')}\r\n`);
      setTimeout(() => {
        if (data === '' && !socket.destroyed) socket.end(Buffer.from(body));
      }, pauseMs);
    });
    socket.on('data', (d) => (data += d.toString('utf8')));
    socket.on('error', (e) => {
      if (!data.startsWith('HTTP/')) reject(e);
    });
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), text: data }));
  });
}

/** A socket that connects and then says nothing; resolves when the server closes it. */
export function silentSocket(url: string): { socket: Socket; closed: Promise<number> } {
  const u = new URL(url);
  const started = Date.now();
  const socket = connect(Number(u.port), u.hostname);
  socket.on('error', () => undefined);
  socket.resume(); // read, so that the server's end of the connection is seen
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
  return { socket, closed };
}
