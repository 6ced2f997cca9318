import { mergeSpans, type Span } from './ranges.ts';

/**
 * A small, tolerant HTML reader for message bodies (no DOM: the CLI and the background run without
 * one). It produces the visible text, a map from every text character back to the HTML string, the
 * quoted-history spans (corpus rule 7) and the link targets (rule 5).
 */

export interface HtmlLink {
  /** Decoded href value. */
  target: string;
  /** Span of the link's visible text in `text`. */
  textStart: number;
  textEnd: number;
  /** Span of the href value inside the HTML string. */
  hrefStart: number;
  hrefEnd: number;
}

export interface HtmlText {
  text: string;
  /** HTML offset where text character `i` starts / ends (an entity or a tag maps to its whole source). */
  srcStart: Int32Array;
  srcEnd: Int32Array;
  /** Quoted history, in `text` offsets. */
  quoted: Span[];
  links: HtmlLink[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const SKIP_CONTENT = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'xml']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody',
  'tfoot', 'thead', 'tr', 'ul', 'center', 'html',
]);
// Cells of one row stay on one line, tab-separated, as a table reads: "Заказ | 89161234568" keeps its label.
const CELL = new Set(['td', 'th']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', laquo: '\u00ab',
  raquo: '\u00bb', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', times: '\u00d7', minus: '\u2212', middot: '\u00b7',
  bull: '\u2022', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', deg: '\u00b0', euro: '\u20ac',
  pound: '\u00a3', yen: '\u00a5', sect: '\u00a7', para: '\u00b6', commat: '@', period: '.', plus: '+', num: '#',
  lpar: '(', rpar: ')', colon: ':', hyphen: '\u2010', dash: '\u2010',
};

interface OpenElement {
  name: string;
  quote: boolean;
  link: number; // index in links, or -1
}

/** Does this start tag begin quoted history? `after` means: and everything after it in the document. */
function quoteKind(name: string, attrs: Map<string, { value: string }>): 'inside' | 'after' | null {
  const id = attrs.get('id')?.value ?? '';
  const classes = ` ${(attrs.get('class')?.value ?? '').toLowerCase()} `;
  if (id === 'divRplyFwdMsg' || classes.includes(' moz-cite-prefix ') || classes.includes(' moz-forward-container ')) return 'after';
  if (name === 'blockquote') return 'inside';
  if (/ (gmail_quote|gmail_quote_container|yahoo_quoted|protonmail_quote|tutanota_quote|zmail_extra|outlookmessageheader) /u.test(classes)) return 'inside';
  return null;
}

export function htmlToText(html: string): HtmlText {
  const n = html.length;
  // Text is never longer than the HTML: each synthesized newline stands for a tag of 3+ characters.
  const srcStart = new Int32Array(n + 1);
  const srcEnd = new Int32Array(n + 1);
  const parts: string[] = [];
  let len = 0;
  let lastChar = 10; // behave as if a newline came before the document
  const quoted: [number, number][] = [];
  const links: HtmlLink[] = [];
  const stack: OpenElement[] = [];
  let quoteDepth = 0;
  let quoteAfterFrom = -1; // text offset where "everything after" quoting began
  let quoteStartedAt = -1;

  const emit = (s: string, from: number, to: number): void => {
    // one character from a tag or entity
    parts.push(s);
    srcStart[len] = from;
    srcEnd[len] = to;
    lastChar = s.charCodeAt(0);
    len++;
  };
  const newline = (from: number, to: number, force: boolean): void => {
    if (!force && lastChar === 10) return;
    emit('\n', from, to);
  };
  const cellBreak = (from: number, to: number): void => {
    if (lastChar === 10 || lastChar === 9) return;
    emit('\t', from, to);
  };
  const emitRaw = (from: number, to: number): void => {
    // a run of plain text: whitespace collapsed the way a browser renders it (tabs, newlines -> space)
    let chunk = html.slice(from, to);
    if (/[\t\r\n\f]/u.test(chunk)) chunk = chunk.replace(/[\t\r\n\f]/gu, ' ');
    parts.push(chunk);
    for (let i = from; i < to; i++) {
      srcStart[len] = i;
      srcEnd[len] = i + 1;
      len++;
    }
    lastChar = chunk.charCodeAt(chunk.length - 1);
  };

  const closeElement = (index: number): void => {
    for (let k = stack.length - 1; k >= index; k--) {
      const el = stack[k]!;
      if (el.link >= 0) links[el.link]!.textEnd = len;
      if (el.quote) {
        quoteDepth--;
        if (quoteDepth === 0 && quoteAfterFrom < 0) quoted.push([quoteStartedAt, len]);
      }
    }
    stack.length = index;
  };

  let i = 0;
  let textFrom = 0;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 0x3c /* < */) {
      const next = html.charCodeAt(i + 1);
      const isTagStart = (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || next === 0x2f || next === 0x21 || next === 0x3f;
      if (!isTagStart) { i++; continue; }
      if (textFrom < i) emitRaw(textFrom, i);
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4);
        i = close < 0 ? n : close + 3;
        textFrom = i;
        continue;
      }
      if (next === 0x21 || next === 0x3f) {
        const close = html.indexOf('>', i);
        i = close < 0 ? n : close + 1;
        textFrom = i;
        continue;
      }
      const tag = readTag(html, i);
      const tagStart = i;
      i = tag.end;
      textFrom = i;
      if (tag.closing) {
        let index = -1;
        for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.name === tag.name) { index = k; break; }
        if (index >= 0) closeElement(index);
        if (BLOCK.has(tag.name)) newline(tagStart, i, false);
        else if (CELL.has(tag.name)) cellBreak(tagStart, i);
        continue;
      }
      if (SKIP_CONTENT.has(tag.name) && !tag.selfClosing) {
        const closeRe = new RegExp(`</${tag.name}[\\s>]`, 'giu');
        closeRe.lastIndex = i;
        const close = closeRe.exec(html);
        i = close ? close.index : n;
        textFrom = i;
        continue;
      }
      if (tag.name === 'br') { newline(tagStart, i, true); continue; }
      const kind = quoteKind(tag.name, tag.attrs);
      if (BLOCK.has(tag.name)) newline(tagStart, i, false);
      else if (CELL.has(tag.name)) cellBreak(tagStart, i);
      if (kind === 'after' && quoteAfterFrom < 0) {
        if (quoteDepth > 0) quoted.push([quoteStartedAt, len]);
        quoteAfterFrom = len;
      }
      if (VOID.has(tag.name) || tag.selfClosing) continue;
      const el: OpenElement = { name: tag.name, quote: kind === 'inside', link: -1 };
      if (el.quote) {
        if (quoteDepth === 0) quoteStartedAt = len;
        quoteDepth++;
      }
      const href = tag.attrs.get('href');
      if (tag.name === 'a' && href && href.value.trim()) {
        el.link = links.length;
        links.push({ target: href.value.trim(), textStart: len, textEnd: len, hrefStart: href.start, hrefEnd: href.end });
      }
      stack.push(el);
      continue;
    }
    if (c === 0x26 /* & */) {
      const entity = readEntity(html, i);
      if (entity) {
        if (textFrom < i) emitRaw(textFrom, i);
        const ch = entity.char;
        // astral characters from &#x1F600; take two code units, both mapped to the entity
        for (let k = 0; k < ch.length; k++) emit(ch[k]!, i, entity.end);
        i = entity.end;
        textFrom = i;
        continue;
      }
    }
    i++;
  }
  if (textFrom < n) emitRaw(textFrom, n);
  closeElement(0);
  if (quoteAfterFrom >= 0) quoted.push([quoteAfterFrom, len]);
  srcStart[len] = n;
  srcEnd[len] = n;
  return {
    text: parts.join(''),
    srcStart: srcStart.subarray(0, len + 1),
    srcEnd: srcEnd.subarray(0, len + 1),
    quoted: mergeSpans(quoted.filter(([s, e]) => e > s)),
    links,
  };
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Map<string, { value: string; start: number; end: number }>;
  end: number;
}

const ATTR_RE = /\s*([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;

function readTag(html: string, at: number): Tag {
  let i = at + 1;
  const closing = html.charCodeAt(i) === 0x2f;
  if (closing) i++;
  const nameStart = i;
  while (i < html.length && /[A-Za-z0-9:_-]/u.test(html[i]!)) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const attrs = new Map<string, { value: string; start: number; end: number }>();
  let selfClosing = false;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '>') { i++; break; }
    if (ch === '/') { selfClosing = html[i + 1] === '>'; i++; continue; }
    if (/\s/u.test(ch)) { i++; continue; }
    ATTR_RE.lastIndex = i;
    const m = ATTR_RE.exec(html);
    if (!m || m[0].length === 0) { i++; continue; }
    const raw = m[2] ?? m[3] ?? m[4];
    if (!attrs.has(m[1]!.toLowerCase())) {
      let start = i + m[0].length, end = start;
      if (raw !== undefined) {
        end = i + m[0].length - (m[4] !== undefined ? 0 : 1);
        start = end - raw.length;
      }
      attrs.set(m[1]!.toLowerCase(), { value: raw === undefined ? '' : decodeEntities(raw), start, end });
    }
    i += m[0].length;
  }
  return { name, closing, selfClosing, attrs, end: Math.min(i, html.length) };
}

const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/y;

function readEntity(html: string, at: number): { char: string; end: number } | null {
  ENTITY_RE.lastIndex = at;
  const m = ENTITY_RE.exec(html);
  if (!m) return null;
  let char: string | undefined;
  if (m[1] || m[2]) {
    const code = m[1] ? Number(m[1]) : parseInt(m[2]!, 16);
    if (code > 0 && code <= 0x10ffff) char = String.fromCodePoint(code);
  } else {
    char = NAMED_ENTITIES[m[3]!] ?? NAMED_ENTITIES[m[3]!.toLowerCase()];
    // without the semicolon only the legacy entities decode (&amp &lt &gt &nbsp &quot)
    if (char && !m[0].endsWith(';') && !['amp', 'lt', 'gt', 'nbsp', 'quot'].includes(m[3]!)) char = undefined;
  }
  return char ? { char, end: at + m[0].length } : null;
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] === '&') {
      const e = readEntity(s, i);
      if (e) { out += e.char; i = e.end; continue; }
    }
    out += s[i];
    i++;
  }
  return out;
}
