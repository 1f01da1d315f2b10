import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

import { extractText } from '../../src/io/extract.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A one-page PDF with Helvetica text lines (none: no text layer at all). */
function makePdf(lines: string[]): Uint8Array {
  const ops = lines.map((l, i) => `${i > 0 ? 'T* ' : ''}(${l}) Tj`).join(' ');
  const content = lines.length > 0 ? `BT /F1 12 Tf 72 720 Td 14 TL ${ops} ET` : '0 0 m 100 100 l S';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}

async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

describe('extractText', () => {
  it('reads .txt and .md by detection', async () => {
    expect(await extractText('a.txt', utf8('第一行\r\n第二行\n'))).toEqual({
      ok: true,
      text: '第一行\r\n第二行\n',
      format: 'txt',
      encoding: 'utf-8',
    });
    expect(await extractText('notes.md', utf8('# 标题'))).toMatchObject({ ok: true, format: 'md' });
    expect(await extractText('README', utf8('无扩展名'))).toMatchObject({ ok: true, format: 'txt', text: '无扩展名' });
  });

  it('extracts the paragraphs of a .docx', async () => {
    const bytes = await makeDocx(['县教育局年度工作总结', '一年来，在县委、县政府的正确领导下，我局圆满完成了各项任务。']);
    const r = await extractText('report.docx', bytes);
    expect(r).toMatchObject({ ok: true, format: 'docx', encoding: 'extracted' });
    if (r.ok) {
      expect(r.text).toContain('县教育局年度工作总结');
      expect(r.text).toContain('我局圆满完成了各项任务。');
      expect(r.text.indexOf('总结')).toBeLessThan(r.text.indexOf('一年来'));
    }
  });

  it('recognises a .docx by content even without the extension, and rejects a broken one', async () => {
    const bytes = await makeDocx(['正文']);
    expect(await extractText('download', bytes)).toMatchObject({ ok: true, format: 'docx', text: '正文' });
    const broken = bytes.slice(0, 60);
    const r = await extractText('broken.docx', broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).not.toContain('\n');
    expect(await extractText('plain.docx', utf8('just text'))).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
  });

  it('drops script, style and head from HTML and breaks lines at block elements', async () => {
    const html =
      '<!DOCTYPE html><html><head><title>页面标题</title><style>p{color:red}</style>' +
      '<script>var x = "不应出现";</script></head><body><div>第一段&nbsp;文字&amp;符号</div>' +
      '<p>第二段<br>换行</p><ul><li>甲</li><li>乙</li></ul><noscript>请启用脚本</noscript>' +
      '<table><tr><td>单元</td></tr></table><script>alert(1)</script></body></html>';
    const r = await extractText('page.html', utf8(html));
    expect(r).toMatchObject({ ok: true, format: 'html', encoding: 'utf-8' });
    if (!r.ok) return;
    expect(r.text).toBe('第一段\u00a0文字&符号\n第二段\n换行\n甲\n乙\n单元');
    expect(r.text).not.toMatch(/不应出现|color|alert|页面标题|请启用脚本/);
  });

  it('honours <meta charset> in HTML', async () => {
    // "教育" in GBK
    const head = utf8('<html><head><meta charset="gbk"></head><body><p>');
    const bytes = new Uint8Array([...head, 0xbd, 0xcc, 0xd3, 0xfd, ...utf8('</p></body></html>')]);
    expect(await extractText('x.htm', bytes)).toMatchObject({ ok: true, text: '教育', encoding: 'gbk' });
  });

  it('extracts the text layer of a PDF, one line per text line', async () => {
    const r = await extractText('report.pdf', makePdf(['Annual work report', 'Second line here']));
    expect(r).toEqual({ ok: true, text: 'Annual work report\nSecond line here', format: 'pdf', encoding: 'extracted' });
  });

  it('reports a PDF without text as NO_TEXT and a broken PDF without throwing', async () => {
    expect(await extractText('scan.pdf', makePdf([]))).toEqual({
      ok: false,
      code: 'NO_TEXT',
      message: 'no text layer (scanned PDF?)',
    });
    const broken = await extractText('broken.pdf', utf8('%PDF-1.4\ngarbage'));
    expect(broken.ok).toBe(false);
    expect(await extractText('fake.pdf', utf8('hello'))).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
  });

  it('rejects known binary types with a clear message', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await extractText('image.png', png)).toEqual({ ok: false, code: 'UNSUPPORTED', message: 'unsupported file type: PNG image' });
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    expect(await extractText('tool.exe', exe)).toMatchObject({ ok: false, code: 'UNSUPPORTED' });
    expect(await extractText('data.bin', new Uint8Array([1, 2, 0, 4]))).toMatchObject({ ok: false, code: 'BINARY' });
    // "MZ" at the start of a text is text
    expect(await extractText('mz.txt', utf8('MZ是缩写'))).toMatchObject({ ok: true, text: 'MZ是缩写' });
  });
});
