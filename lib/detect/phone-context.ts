/**
 * Words around a number that say it is not a phone (corpus rule 8): order, invoice and contract
 * numbers, tax and bank identifiers, tracking and serial numbers, postal codes, amounts, units.
 * Checked only for numbers that libphonenumber already accepts as valid, so the lists only need to
 * cover identifiers that happen to look like real numbers.
 */

// Label stems in Latin script, matched at a word start with any ending ("invoices", "Rechnungsnummer").
const LATIN_STEMS = [
  'order', 'invoice', 'ticket', 'contract', 'purchase order', 'quote', 'quotation', 'reference', 'booking',
  'confirmation', 'reservation', 'tracking', 'waybill', 'consignment', 'serial', 'case', 'claim', 'account', 'iban',
  'swift', 'sort code', 'routing', 'duns', 'registration', 'company', 'policy', 'postal', 'postcode', 'post code',
  'code', 'article', 'model', 'batch', 'container', 'seal', 'bill of lading', 'customer', 'member', 'license', 'licence',
  'permit', 'passport', 'meeting', 'passcode', 'password', 'version', 'build', 'firmware', 'release', 'isbn', 'gtin',
  'flight', 'room', 'suite', 'booth', 'kunden', 'rechnung', 'auftrag', 'bestell', 'angebot', 'konto', 'steuer',
  'sendung', 'artikel', 'vertrag', 'pedido', 'factura', 'presupuesto', 'albar', 'cuenta', 'referencia', 'contrato',
  'expediente', 'commande', 'facture', 'devis', 'siret', 'siren', 'dossier', 'edrpou', 'mandate', 'card', 'unit',
];
// Short Latin labels, matched as whole words only ("no" must not catch "now").
const LATIN_WORDS = [
  'ord', 'inv', 'po', 'p\\.o', 'ref', 'track', 'awb', 's\\/n', 'sn', 'rma', 'acct', 'a\\/c', 'bic', 'aba', 'ein', 'tin',
  'ssn', 'vat', 'tax', 'reg', 'mls', 'apn', 'id', 'zip', 'plz', 'pin', 'sku', 'part', 'art', 'lot', 'b\\/l', 'ver', 'ean',
  'upc', 'jan', 'gate', 'no', 'nr', 'num', 'ust', 'hrb', 'hra', 'nif', 'cif', 'nie', 'okpo', 'inn', 'ogrn', 'kpp', 'bik',
  'sepa', 'cvv', 'ust-idnr', 'st\\.-nr', 'art\\.-nr',
  // company and tax registration numbers of other countries (an Italian P.IVA is 11 digits from "0")
  'p\\.\\s?iva', 'iva', 'partita', 'c\\.f', 'cf', 'sdi', 'rea', 'tva', 'rcs', 'naf', 'ape', 'nip', 'regon', 'krs', 'kvk', 'btw',
  'pan', 'gstin', 'gst', 'ifsc', 'cin', 'abn', 'acn', 'crn', 'utr', 'nino', 'ico', 'dic', 'uid', 'cuit', 'rfc', 'bsb',
];
// Cyrillic label stems (ru/uk) and whole words.
const CYRILLIC_STEMS = [
  'заказ', 'счет', 'счёт', 'договор', 'накладн', 'трек', 'отправлени', 'почтов', 'огрн', 'расч', 'корр', 'окпо', 'оквэд',
  'октмо', 'окато', 'снилс', 'паспорт', 'серия', 'лиценз', 'сертификат', 'артикул', 'модел', 'серийн', 'партия', 'пломб',
  'контейнер', 'коносамент', 'сделк', 'индекс', 'обращени', 'заявк', 'тикет', 'полис', 'смет', 'кадастр', 'лицев',
  'платеж', 'платёж', 'поручени', 'квитанц', 'рахун', 'єдрпоу', 'спецификац', 'идентификатор', 'пароль', 'карт', 'верси',
  'сборк', 'протокол', 'решени', 'приказ', 'постановлени', 'рейс', 'кабинет', 'квартир',
];
const CYRILLIC_WORDS = [
  'сч', 'дог', 'ттн', 'тн', 'инн', 'кпп', 'бик', 'р\\/с', 'к\\/с', 'л\\/с', 'рс', 'кс', 'дт', 'гтд', 'упд', 'код', 'чек',
  'мфо', 'ндс', 'гост', 'ту', 'акт', 'накл', 'ид', 'пин', 'арт', 'офис', 'огрнип', 'номер заказа', 'номер счета',
  'номер договора', 'унп', 'бин', 'иин', 'иик', 'рнн', 'бсн', 'мфо', 'іпн', 'рнокпп', 'эдрпоу',
];
// Labels in scripts without word boundaries (ja/zh).
const CJK_LABELS = [
  '注文番号', '見積番号', '請求番号', '請求書番号', '証券番号', '問い合わせ番号', '問合せ番号', '法人番号', '登録番号', '管理番号',
  '伝票番号', '追跡番号', '口座番号', '会員番号', '契約番号', '受付番号', '予約番号', '顧客番号', '品番', '型番', '店番', '口座',
  '普通', '当座', 'コード', 'ID', 'パスコード', 'パスワード', '〒', '郵便番号', '订单号', '订单编号', '发票号码', '发票', '账号',
  '帐号', '编号', '邮编', '信用代码', '单号', '合同号', '批号', '会议号', '会议ID', '身份证',
];

// What may sit between a label and its number: punctuation and a generic "No."/"номер".
// (a whole word: "David 07911 …" ends in "id" but labels nothing)
const GAP_TAIL = /(?:[\s:：#№.\-–—()«»"'/]*(?<![\p{L}\p{N}])(?:no|nr|num|number|номер|код|id|n\.?º|n°)\.?)?[\s:：#№.\-–—()«»"'/]*$/iu;
const GAP_WINDOW = 32;
// Generic words that label an identifier by themselves ("No. 08765432", "№ 318", "код: 00091511").
const GENERIC_LABEL = /(?:^|[^\p{L}])(?:no|nr|num|код|id|n\.?º|n°)(?![\p{L}])|[#№]/iu;

// Each label pattern is tried only at the start of one of the last three words before the gap, so a
// 48-character window costs three anchored matches rather than a scan from every position.
const NON_PHONE_WORDS = new RegExp(
  String.raw`^(?:(?:${LATIN_STEMS.join('|')})[a-z]*|(?:${LATIN_WORDS.join('|')})|(?:${CYRILLIC_STEMS.join('|')})[а-яёіїєґ]*|(?:${CYRILLIC_WORDS.join('|')}))$`,
  'iu',
);
const PHONE_WORDS =
  /^(?:(?:tel|phone|mobile|mob|cell|fax|call|text|sms|whatsapp|viber|signal|telegram|handy|telefon|mobil|móvil|movil|teléfono|telefono|tél|portable|тел|телефон|моб|мобильн|мобільн|сотов|звон|факс|вотсап|ватсап|вайбер)[\p{L}]*|ph|m|t|o|p|h|w|c|direct|dial)$/iu;
/** Does the text just before a number end in a phone label ("Mobil:", "Tel.", "携帯：")? */
export function hasPhoneLabelBefore(before: string): boolean {
  const m = /(\p{L}+)[\s.:：()\-–—/]*$/u.exec(before.length > 40 ? before.slice(-40) : before);
  if (!m) return false;
  return PHONE_WORDS.test(m[1]!) || PHONE_CJK.some((w) => m[1]!.endsWith(w));
}

/** "сот.", "tel.", "моб." glued to the number that follows ("сот.89031127745"): a phone label, not an identifier prefix. */
export function isPhoneLabelWord(word: string): boolean {
  return word.length >= 3 && (PHONE_WORDS.test(word) || /^(?:сот|тлф|tlf)$/iu.test(word));
}
const PHONE_CJK = ['携帯', '電話', '連絡先', '手机', '电话', '联系', 'ケータイ'];

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xa0;
// letters of any script, and the "/", ".", "'", "-" inside labels such as "р/с", "p.o", "ust-idnr"
const isWordChar = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2f || c === 0x2e || c === 0x27 || c === 0x2d || (c >= 0xc0 && c !== 0x3000 && c !== 0xff1a && c !== 0x2116 && c !== 0x2014 && c !== 0x2013 && c !== 0xab && c !== 0xbb);

/** Does the text just before a number (same line) label it as something other than a phone? */
export function hasNonPhoneLabel(before: string): boolean {
  // The gap is a few punctuation marks and at most one short word: matching the `$`-anchored pattern
  // on the last characters only spares a try at every position of the line.
  const gap = GAP_TAIL.exec(before.length > GAP_WINDOW ? before.slice(-GAP_WINDOW) : before)![0];
  const tail = before.slice(0, before.length - gap.length).replace(/[.\-'/]+$/u, '');
  // start offsets of the last three words of the tail
  const starts: number[] = [];
  let i = tail.length;
  while (starts.length < 3 && i > 0) {
    while (i > 0 && isSpace(tail.charCodeAt(i - 1))) i--;
    const end = i;
    while (i > 0 && isWordChar(tail.charCodeAt(i - 1))) i--;
    if (i === end) break;
    starts.push(i);
  }
  const lastWord = starts.length ? tail.slice(starts[0]) : '';
  if (PHONE_WORDS.test(lastWord) || PHONE_CJK.some((w) => tail.endsWith(w))) return false;
  if (GENERIC_LABEL.test(gap) || tail.endsWith('〒')) return true;
  if (CJK_LABELS.some((w) => tail.endsWith(w))) return true;
  return starts.some((st) => NON_PHONE_WORDS.test(tail.slice(st)));
}

const CURRENCY_SYMBOLS = '$€£¥₽₴₸₩元';
const CURRENCY_CODE_BEFORE = /(?:^|[^\p{L}\p{N}_])(?:usd|eur|rub|gbp|jpy|cny|uah|руб\.?|грн\.?|rs\.?)$/iu;

/** Currency symbol or code right before the number ("$ 1 250 000", "¥ 12 800 000", "USD 48 200"). */
export function hasCurrencyBefore(before: string): boolean {
  let i = before.length;
  while (i > 0 && /\s/u.test(before[i - 1]!)) i--;
  if (i === 0) return false;
  if (CURRENCY_SYMBOLS.includes(before[i - 1]!)) return true;
  // the longest code is four characters ("руб."), plus the boundary before it
  return CURRENCY_CODE_BEFORE.test(before.slice(Math.max(0, i - 6), i));
}

// Currency, multipliers and units right after the number.
const UNIT_AFTER = new RegExp(
  String.raw`^\s*(?:руб|р\.|₽|\$|€|£|¥|usd|eur|rub|gbp|jpy|cny|chf|грн|uah|тенге|тыс|млн|млрд|кг|kg|т(?![а-яё])|г(?![а-яё])|шт|мм|см|км|м²|м2|м³|м(?![а-яё])|km|cm|mm|%|‰|円|万|元|人民币|ドル|yen|sq|ft|m²|lbs?|oz|units?|pcs|pieces|штук|чел|мест|ч(?![а-яё])|час|мин|дн|дней|лет|год|years?|days?|hours?|×|°|kw|квт|вт|mb|gb|tb|мб|гб|bytes?|тонн|tons?|литр|liters?|€|р(?![а-яё])|рублей|долл|евро|dollars?|euros?|pounds?|円)`,
  'iu',
);

export function hasUnitAfter(after: string): boolean {
  return UNIT_AFTER.test(after);
}
