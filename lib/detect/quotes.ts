import type { Span } from './ranges.ts';

/**
 * Finds quoted history in plain text (corpus rule 7): lines starting with ">", and everything from a
 * reply or forward header to the end. Contacts there belong to the client's earlier message, so they
 * are used only to recognise the client's own contacts, never flagged.
 */

// A separator line that starts a forwarded or original message in every client we know of.
const SEPARATOR_HEADER =
  /^\s*(?:-{2,}|_{2,}|={2,})?\s*(?:original message|forwarded message|forwarded message follows|исходное сообщение|пересылаемое сообщение|переслано|weitergeleitete nachricht|ursprüngliche nachricht|mensaje original|mensaje reenviado|message d'origine|message transféré|mensagem original|пересланий лист|оригінальне повідомлення|元のメッセージ|転送されたメッセージ|原始邮件|转发的邮件)\s*(?:-{2,}|_{2,}|={2,})?\s*:?\s*$/iu;

const BEGIN_FORWARDED = /^\s*(?:begin forwarded message|начало пересылаемого сообщения)\s*:\s*$/iu;

// "On Tue, Apr 8, 2025 at 3:14 PM Jane <jane@x> wrote:", "17.03.2025, 18:22, Сергей <x@y> пишет:".
const WROTE_HEADER =
  /(?:wrote|writes|пишет|написал(?:\(а\)|а)?|написала|пише|написав(?:\(ла\)|ла)?|schrieb|escribió|a écrit|ha scritto|escreveu|写道|のメッセージ|が書きました)\s*[:：]\s*$/iu;
const WROTE_CONTEXT = /^\s*(?:on|am|le|el|il|em|в|у)\s|\d|@/iu;

// Japanese/Chinese clients: "2025年3月3日(月) 10:00 佐藤 健 <k.sato@x.co.jp>:" — a dated line naming an address.
const DATED_ADDRESS_HEADER = /\d.*<[^<>\s@]+@[^<>\s]+>\s*[:：]\s*$/u;

// Outlook plain text: "From: X" followed within a few lines by "Sent:"/"Date:".
const FROM_LINE = /^\s*\**(?:from|от|від|von|de|da|差出人|发件人|寄件者)\s*\**\s*[:：]/iu;
const SENT_LINE = /^\s*\**(?:sent|date|отправлено|дата|надіслано|gesendet|datum|enviado|fecha|envoyé|inviato|data|送信日時|日付|发送时间|時間)\s*\**\s*[:：]/iu;

export function findQuotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const lines: [number, number][] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines.push([start, end]);
    start = end + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const [start, end] = lines[i]!;
    const line = text.slice(start, end);
    if (isReplyHeader(line, i, lines, text)) {
      // Gmail wraps long headers: "On Tue, … <jane@x>" on one line and "wrote:" alone on the next.
      const previous = lines[i - 1];
      const from = previous && /^\s*(?:wrote|пишет|написал\S*|schrieb)\s*:/iu.test(line) && /^\s*(?:on|am|le|el)\s/iu.test(text.slice(previous[0], previous[1])) ? previous[0] : start;
      spans.push([from, text.length]);
      break;
    }
    if (/^\s*>/u.test(line)) {
      const last = spans[spans.length - 1];
      if (last && last[1] >= start - 1) spans[spans.length - 1] = [last[0], end];
      else spans.push([start, end]);
    }
  }
  return spans;
}

function isReplyHeader(line: string, index: number, lines: [number, number][], text: string): boolean {
  if (line.length > 400) return false;
  // Most lines are body text: the "…wrote:" and dated-address headers all end in a colon, and testing
  // that first spares the backtracking header patterns on every other line.
  if (endsWithColon(line)) {
    if (WROTE_HEADER.test(line)) {
      if (WROTE_CONTEXT.test(line)) return true;
      const previous = lines[index - 1];
      if (previous && /^\s*(?:wrote|пишет|написал\S*|schrieb)\s*:\s*$/iu.test(line) && /^\s*(?:on|am|le|el)\s/iu.test(text.slice(previous[0], previous[1]))) return true;
    }
    if (line.includes('@') && DATED_ADDRESS_HEADER.test(line)) return true;
  }
  if (SEPARATOR_HEADER.test(line) && /[a-zа-яё\u3040-\u9fff]/iu.test(line) && /[-_=]{2}|message|сообщение|nachricht/iu.test(line)) return true;
  if (BEGIN_FORWARDED.test(line)) return true;
  if (FROM_LINE.test(line)) {
    for (let j = index + 1; j < Math.min(lines.length, index + 5); j++) {
      const [s, e] = lines[j]!;
      if (SENT_LINE.test(text.slice(s, e))) return true;
    }
  }
  return false;
}

function endsWithColon(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) <= 32 || line.charCodeAt(i) === 0xa0)) i--;
  return i >= 0 && (line[i] === ':' || line[i] === '：');
}
