/** Enumerators that open headings and numbered paragraphs: 一、 (三) 2. 1.2、 第一章 ①. */
export const HEADING_MARKER =
  /^(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百\d#]+\)|[\d#]+(?:\.[\d#]+)*[、.](?![\d#])|第[一二三四五六七八九十百\d#]+[章节部分条篇]|[①-⑳])\s*/;

/** Length of the heading marker at text[at…], 0 if none. */
export function markerLength(text: string, at: number): number {
  const m = HEADING_MARKER.exec(text.slice(at, at + 16));
  return m ? m[0].length : 0;
}
