import { defineMessages } from './core.ts';

type DiagnosticsKey = 'heading' | 'intro' | 'none' | 'when' | 'site' | 'adapter' | 'problem' | 'times' | 'level.info' | 'level.warn' | 'level.error';

/** The options page's "Problems on pages" section (lib/diagnostics). */
export const diagnosticsMessages = defineMessages<DiagnosticsKey>({
  en: {
    heading: 'Problems on pages',
    intro: 'What the extension could not do on a page, newest first (the last 200 kinds of problem). Messages were never blocked because of these.',
    none: 'No problems reported.',
    when: 'Last seen',
    site: 'Site',
    adapter: 'Adapter',
    problem: 'Problem',
    times: 'Times',
    'level.info': 'info',
    'level.warn': 'warning',
    'level.error': 'error',
  },
  ru: {
    heading: 'Проблемы на страницах',
    intro: 'Что расширению не удалось сделать на странице, сначала новые (последние 200 видов проблем). Отправку писем это не блокировало.',
    none: 'Проблем не было.',
    when: 'Последний раз',
    site: 'Сайт',
    adapter: 'Адаптер',
    problem: 'Проблема',
    times: 'Раз',
    'level.info': 'сведения',
    'level.warn': 'предупреждение',
    'level.error': 'ошибка',
  },
  ja: {
    heading: 'ページ上の問題',
    intro: '拡張機能がページ上で実行できなかったこと（新しい順、直近 200 種類）。これによって送信が止められたことはありません。',
    none: '報告された問題はありません。',
    when: '最終発生',
    site: 'サイト',
    adapter: 'アダプター',
    problem: '問題',
    times: '回数',
    'level.info': '情報',
    'level.warn': '警告',
    'level.error': 'エラー',
  },
});
