// What kind of text a template slot holds, from the jieba words of its fills: numbers (Arabic or
// Chinese numerals, with their units), person names, place names, or anything else.
import type { TaggedWord } from '../text/tokens.js';
import type { SlotKind } from '../types.js';

const CHINESE_NUMERALS = '〇零一二三四五六七八九十百千万亿两';
const NUMERAL_CORE =
  `(?:[0-9]+(?:[.,][0-9]+)*[xX×]*|[xX×○]{2,}|[${CHINESE_NUMERALS}]+(?:点[${CHINESE_NUMERALS}]+)?)`;
/** Units and classifiers that stay inside a jieba numeral word (2006年, 一成, 亿元, 第三次, 三百多). */
const UNIT_CHARS = '年月日号时秒分个次届期倍成元角岁名人户项条件位种类批家部套处场笔份本架块张支只间例座所栋台辆艘列吨斤亩米里公顷度平方克瓦美欧港币%‰点多余';
const NUMBER_WORD = new RegExp(`^(?:第|约|近|逾|超|百分之|千分之)?${NUMERAL_CORE}(?:${NUMERAL_CORE}|[${UNIT_CHARS}])*$`, 'u');
/** What may follow a number in one slot: units (多亿元), 百分点, and approximations (左右, 以上). */
const UNIT_WORD = new RegExp(`^(?:[${UNIT_CHARS}十百千万亿]+|百分点|左右|以上|以下|以内)$`, 'u');
/** Words built from numerals and units that are not numbers (统一 or 一些 never match at all). */
const NOT_NUMBERS = new Set(['万一', '一一', '千万', '万万', '千千万万', '十分', '万分', '百分', '一点', '一时', '一度', '一方', '一同']);

const PERSON_TAGS = new Set(['nr', 'nrfg', 'nrt']);
const PLACE_TAGS = new Set(['ns']);
/** Words jieba's dictionary tags as places that name no place. */
const GENERIC_PLACES = new Set([
  '城市', '城镇', '农村', '城乡', '乡村', '神圣', '边疆', '内地', '沿海', '山区', '牧区', '林区', '边境', '海外',
  '国内', '国外', '境内', '境外', '世界', '全球', '各地', '本地', '当地', '地方', '中外',
]);
const CONJUNCTIONS = new Set(['和', '与', '及', '同']);
const CONTENT = /[\p{L}\p{N}]/u;

/** A word that is a number: digits, decimals, placeholders like 20xx, or Chinese numerals with their units. */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORD.test(word) && !NOT_NUMBERS.has(word);
}

function isContent(w: TaggedWord): boolean {
  return CONTENT.test(w.word);
}

function isNumeric(fill: readonly TaggedWord[]): boolean {
  const content = fill.filter(isContent);
  const unit = (w: TaggedWord): boolean => w.tag === 'q' || UNIT_WORD.test(w.word);
  return content.some((w) => isNumberWord(w.word)) && content.every((w) => isNumberWord(w.word) || unit(w));
}

function isAllTagged(fill: readonly TaggedWord[], tags: ReadonlySet<string>): boolean {
  const content = fill.filter(isContent);
  const named = (w: TaggedWord): boolean => tags.has(w.tag) && !GENERIC_PLACES.has(w.word);
  return content.some(named) && content.every((w) => named(w) || CONJUNCTIONS.has(w.word));
}

function fillText(fill: readonly TaggedWord[]): string {
  return fill.map((w) => w.word).join('');
}

/** At least two different fills, all names of the kind (jieba's name tags are too noisy to trust one). */
function isNameSlot(present: readonly (readonly TaggedWord[])[], tags: ReadonlySet<string>): boolean {
  return new Set(present.map(fillText)).size >= 2 && present.every((f) => isAllTagged(f, tags));
}

/**
 * The kind every non-empty fill agrees on: NUM when each is a number (its unit may come along),
 * NAME when they are different person names, PLACE when different place names, X otherwise.
 */
export function slotKind(fills: readonly (readonly TaggedWord[])[]): SlotKind {
  const present = fills.filter((f) => f.length > 0);
  if (present.length === 0) return 'X';
  if (present.every(isNumeric)) return 'NUM';
  if (isNameSlot(present, PERSON_TAGS)) return 'NAME';
  if (isNameSlot(present, PLACE_TAGS)) return 'PLACE';
  return 'X';
}
