/**
 * The UI speaks English, Russian and Japanese, chosen from the browser's language list. Each feature
 * keeps its strings in its own file (`options.ts`, `popup.ts`, `dialog.ts`, …) built with
 * `defineMessages`, so adding a screen never touches another screen's table.
 */
export const LANGUAGES = ['en', 'ru', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** First supported language in the user's preference order (`navigator.languages`); English otherwise. */
export function pickLanguage(navigatorLanguages: readonly string[]): Language {
  for (const tag of navigatorLanguages) {
    const base = tag.toLowerCase().split(/[-_]/u)[0];
    const found = LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

export type Vars = Record<string, string | number>;

/** Replaces `{name}` with `vars.name`; an unknown name stays visible rather than vanishing. */
export function formatMessage(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translator<K extends string> = (key: K, vars?: Vars) => string;

/**
 * Every language must define every key (a compile error otherwise), so a missing translation is found
 * by `tsc`, not by a Japanese user.
 */
export function defineMessages<K extends string>(tables: { en: Record<K, string> } & Record<Exclude<Language, 'en'>, Record<K, string>>) {
  return (language: Language): Translator<K> =>
    (key, vars) => formatMessage(tables[language][key] ?? tables.en[key], vars);
}
