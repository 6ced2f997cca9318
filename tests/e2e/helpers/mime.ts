/**
 * Just enough RFC 5322 / MIME to read what Roundcube really sent: headers with RFC 2047 words,
 * multipart bodies, quoted-printable and base64, any charset TextDecoder knows, and format=flowed
 * (Roundcube's plain-text default, RFC 3676), so a test compares the text a recipient would read.
 */

export interface MimeMessage {
  /** Lower-cased header names; a repeated header keeps its first value. */
  headers: Record<string, string>;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  /** Envelope recipients as the SMTP sink saw them (aiosmtpd's X-RcptTo), Bcc included. */
  envelopeTo: string[];
  /** The decoded text/plain part, if any. */
  text?: string;
  /** The decoded text/html part, if any. */
  html?: string;
  /** The message as stored, bytes as latin1 characters. */
  raw: string;
}

interface Part {
  headers: Record<string, string>;
  /** Undecoded body, bytes as latin1 characters. */
  body: string;
}

export function parseMimeMessage(bytes: Uint8Array): MimeMessage {
  const raw = Buffer.from(bytes).toString('latin1');
  const top = splitPart(raw);
  const leaves = flattenParts(top);
  const textPart = leaves.find((p) => contentType(p).type === 'text/plain');
  const htmlPart = leaves.find((p) => contentType(p).type === 'text/html');
  const headers = Object.fromEntries(Object.entries(top.headers).map(([k, v]) => [k, decodeHeaderWords(v)]));
  return {
    headers,
    from: headers.from ?? '',
    to: parseAddressList(headers.to ?? ''),
    cc: parseAddressList(headers.cc ?? ''),
    subject: headers.subject ?? '',
    envelopeTo: parseAddressList(headers['x-rcptto'] ?? ''),
    text: textPart ? decodeTextPart(textPart) : undefined,
    html: htmlPart ? decodeTextPart(htmlPart) : undefined,
    raw,
  };
}

/** Text of an HTML body as a reader sees it: tags dropped, entities decoded, whitespace and blank lines collapsed. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(style|script|head)[^>]*>[\s\S]*?<\/\1>/giu, '')
      .replace(/<br\s*\/?>/giu, '\n')
      .replace(/<\/(p|div|li|h\d|tr)>/giu, '\n')
      .replace(/<[^>]+>/gu, ''),
  )
    .replace(/[ \t\u00a0]+/gu, ' ')
    .replace(/ *\n */gu, '\n')
    .replace(/\n{2,}/gu, '\n')
    .trim();
}

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/u.exec(raw);
  const headerBlock = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of headerBlock.replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function flattenParts(part: Part): Part[] {
  const { type, params } = contentType(part);
  if (!type.startsWith('multipart/') || !params.boundary) return [part];
  const delimiter = `--${params.boundary}`;
  const children: Part[] = [];
  const sections = part.body.split(new RegExp(`^${escapeRegExp(delimiter)}(?:--)?[ \\t]*\\r?$\\n?`, 'mu'));
  // sections[0] is the preamble and the last one the epilogue.
  for (const section of sections.slice(1, -1)) {
    children.push(...flattenParts(splitPart(section.replace(/\r?\n$/u, ''))));
  }
  return children;
}

function contentType(part: Part): { type: string; params: Record<string, string> } {
  const [type = 'text/plain', ...rest] = (part.headers['content-type'] ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"(.*)"$/u, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeTextPart(part: Part): string {
  const { params } = contentType(part);
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const bytes = decodeTransfer(part.body, encoding);
  let text = new TextDecoder(params.charset ?? 'us-ascii').decode(bytes);
  if ((params.format ?? '').toLowerCase() === 'flowed') text = unflow(text, (params.delsp ?? '').toLowerCase() === 'yes');
  return text.replace(/\r\n/gu, '\n');
}

function decodeTransfer(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/gu, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

function decodeQuotedPrintable(body: string): Uint8Array {
  const unwrapped = body.replace(/=\r?\n/gu, '');
  const bytes: number[] = [];
  for (let i = 0; i < unwrapped.length; i++) {
    const ch = unwrapped[i]!;
    const hex = unwrapped.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/u.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(ch.charCodeAt(0) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** RFC 3676: a line ending in a space continues on the next line; a leading space was stuffed. */
function unflow(text: string, delsp: boolean): string {
  const out: string[] = [];
  let paragraph = '';
  for (const rawLine of text.replace(/\r\n/gu, '\n').split('\n')) {
    const line = rawLine.startsWith(' ') ? rawLine.slice(1) : rawLine;
    const isSignatureSeparator = line === '-- ';
    if (line.endsWith(' ') && !isSignatureSeparator) {
      paragraph += delsp ? line.slice(0, -1) : line;
    } else {
      out.push(paragraph + line);
      paragraph = '';
    }
  }
  if (paragraph) out.push(paragraph);
  return out.join('\n');
}

function decodeHeaderWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bq]\?[^?]*\?=)\s+(?==\?)/giu, '$1')
    .replace(/=\?([^?]+)\?([bq])\?([^?]*)\?=/giu, (_m, charset: string, kind: string, data: string) => {
      const bytes =
        kind.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64')
          : decodeQuotedPrintable(data.replace(/_/gu, ' '));
      return new TextDecoder(charset.replace(/\*.*$/u, '')).decode(bytes);
    });
}

function parseAddressList(value: string): string[] {
  const addresses: string[] = [];
  for (const item of value.match(/(?:"[^"]*"|[^,])+/gu) ?? []) {
    const angle = /<([^>]+)>/u.exec(item);
    const address = (angle ? angle[1]! : item).trim();
    if (address) addresses.push(address);
  }
  return addresses;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return named[entity.toLowerCase()] ?? m;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
