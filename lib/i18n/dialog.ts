/**
 * Words the Send dialog and the typing marker show, in English, Russian and Japanese. Plain
 * words, no jargon: the reader is a salesperson in the middle of writing to a client.
 */

import { pickLanguage, type Language } from './core.ts';

export type DialogLanguage = Language;

export interface DialogStrings {
  title: string;
  intro: (count: number) => string;
  why: string;
  kind: Record<'email' | 'phone' | 'messenger', string>;
  suggestionLabel: string;
  replace: string;
  replaceUnavailable: string;
  edit: string;
  sendAnyway: string;
  justificationLabel: (min: number) => string;
  justificationPlaceholder: string;
  reportFalsePositive: string;
  reportReasonLabel: string;
  reportSend: string;
  reportSent: string;
  blocked: string;
  /** Block mode, and the checker could not run: the send is held, the draft kept. */
  uncheckedBlocked: string;
  close: string;
  policyLink: string;
  marker: (count: number) => string;
}

const en: DialogStrings = {
  title: 'Personal contact in a message to a client',
  intro: (n) => (n === 1 ? 'This message gives the client a personal contact:' : `This message gives the client ${n} personal contacts:`),
  why: 'Clients should reach the company, not you personally: if you are away or leave, the conversation must not be lost, and company rules require business contacts.',
  kind: { email: 'Personal email', phone: 'Personal phone number', messenger: 'Personal messenger' },
  suggestionLabel: 'Use instead',
  replace: 'Replace with corporate contact and send',
  replaceUnavailable: 'No corporate contact is configured for this kind; please edit the message.',
  edit: 'Edit the message',
  sendAnyway: 'Send anyway',
  justificationLabel: (min) => `Why must this contact be sent? (at least ${min} characters; your administrator will see it)`,
  justificationPlaceholder: 'e.g. The client asked for my direct line for tonight’s outage',
  reportFalsePositive: 'Not a personal contact',
  reportReasonLabel: 'What is it? (e.g. “this is the client’s own number”)',
  reportSend: 'Report and send',
  reportSent: 'Thank you, the report was sent to your administrator.',
  blocked: 'Your company’s policy does not allow sending personal contacts to clients. Replace or remove them to send.',
  uncheckedBlocked: 'ChannelGuard could not check this message, and your company’s policy requires a check before sending. Your draft is kept: reload the page and send again, or contact your administrator.',
  close: 'Close',
  policyLink: 'Read the company policy',
  marker: (n) => (n === 1 ? 'Personal contact in this message' : `${n} personal contacts in this message`),
};

const ru: DialogStrings = {
  title: 'Личный контакт в письме клиенту',
  intro: (n) => (n === 1 ? 'В этом письме клиенту указан личный контакт:' : `В этом письме клиенту указаны личные контакты (${n}):`),
  why: 'Клиент должен связываться с компанией, а не с вами лично: если вы в отпуске или уйдёте, переписка не должна потеряться, и правила компании требуют рабочих контактов.',
  kind: { email: 'Личная почта', phone: 'Личный номер телефона', messenger: 'Личный мессенджер' },
  suggestionLabel: 'Вместо него',
  replace: 'Заменить на рабочий контакт и отправить',
  replaceUnavailable: 'Рабочий контакт такого типа не задан; исправьте письмо вручную.',
  edit: 'Исправить письмо',
  sendAnyway: 'Всё равно отправить',
  justificationLabel: (min) => `Почему нужно отправить этот контакт? (не меньше ${min} символов; это увидит администратор)`,
  justificationPlaceholder: 'Например: клиент попросил прямой номер на время сегодняшней аварии',
  reportFalsePositive: 'Это не личный контакт',
  reportReasonLabel: 'Что это? (например, «это номер самого клиента»)',
  reportSend: 'Сообщить и отправить',
  reportSent: 'Спасибо, сообщение отправлено администратору.',
  blocked: 'Правила компании не разрешают отправлять клиентам личные контакты. Замените или удалите их, чтобы отправить письмо.',
  uncheckedBlocked: 'ChannelGuard не смог проверить письмо, а правила компании требуют проверки перед отправкой. Черновик сохранён: обновите страницу и отправьте снова или обратитесь к администратору.',
  close: 'Закрыть',
  policyLink: 'Правила компании',
  marker: (n) => (n === 1 ? 'В письме личный контакт' : `Личных контактов в письме: ${n}`),
};

const ja: DialogStrings = {
  title: 'お客様宛てのメッセージに個人の連絡先があります',
  intro: (n) => (n === 1 ? 'このメッセージには個人の連絡先が含まれています:' : `このメッセージには個人の連絡先が${n}件含まれています:`),
  why: 'お客様には個人ではなく会社に連絡していただく必要があります。不在や異動の際にもやり取りが途切れないよう、社内規定で業務用の連絡先を使うことになっています。',
  kind: { email: '個人のメールアドレス', phone: '個人の電話番号', messenger: '個人のメッセンジャー' },
  suggestionLabel: '代わりに',
  replace: '会社の連絡先に置き換えて送信',
  replaceUnavailable: 'この種類の会社の連絡先が設定されていません。メッセージを修正してください。',
  edit: 'メッセージを修正',
  sendAnyway: 'このまま送信',
  justificationLabel: (min) => `この連絡先を送る理由（${min}文字以上。管理者に記録されます）`,
  justificationPlaceholder: '例: 本日の障害対応のため、お客様から直通番号を求められた',
  reportFalsePositive: '個人の連絡先ではない',
  reportReasonLabel: 'これは何ですか？（例:「お客様ご本人の番号です」）',
  reportSend: '報告して送信',
  reportSent: 'ありがとうございます。管理者に報告しました。',
  blocked: '社内規定により、お客様に個人の連絡先を送ることはできません。送信するには置き換えるか削除してください。',
  uncheckedBlocked: 'ChannelGuard がこのメッセージを確認できませんでした。社内規定により、送信前の確認が必要です。下書きは保存されています。ページを再読み込みしてもう一度送信するか、管理者にお問い合わせください。',
  close: '閉じる',
  policyLink: '社内規定を見る',
  marker: (n) => (n === 1 ? '個人の連絡先が含まれています' : `個人の連絡先が${n}件含まれています`),
};

export const DIALOG_STRINGS: Record<DialogLanguage, DialogStrings> = { en, ru, ja };

/** First of the browser's languages we speak (`ru-RU` → ru), English otherwise. */
export const pickDialogLanguage = pickLanguage;

/** The admin's explanation in the user's language: a plain string, or the best entry of {en, ru, ja}. */
export function localizedExplanation(
  explanation: string | { en?: string; ru?: string; ja?: string } | undefined,
  language: DialogLanguage,
): string | undefined {
  if (!explanation) return undefined;
  if (typeof explanation === 'string') return explanation;
  return explanation[language] ?? explanation.en ?? explanation.ru ?? explanation.ja;
}
