/**
 * The language a person reads a report, chart, caption or terminal table in: Dutch or English.
 * `--lang nl|en` chooses it; without the flag it follows the environment's locale (LC_ALL,
 * LC_MESSAGES, LANG: `nl_NL.UTF-8`, `nl_BE`... read Dutch, anything else English). Numbers are
 * formatted with `Intl` for the language; month names come from a fixed list (the same on every
 * machine, whatever its ICU data).
 */

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Guard for a language code. */
export const isLang = (x: unknown): x is Lang => x === 'nl' || x === 'en';

/** The language of the environment's locale: Dutch for `nl*`, else English. */
export function langFromEnv(env: Record<string, string | undefined> = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl([_.@-]|$)/i.test(locale) ? 'nl' : 'en';
}

/** The BCP 47 locale `Intl` formats a language's numbers with. */
export const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const formats = new Map<string, Intl.NumberFormat>();
/** A number with grouping and a fixed number of decimals: en "1,850.5", nl "1.850,5"; no "-0". */
export function formatNumber(x: number, decimals: number, lang: Lang): string {
  if (!Number.isFinite(x)) return lang === 'nl' ? 'n.b.' : 'n/a';
  const key = `${lang}${decimals}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'negative' as Intl.NumberFormatOptions['signDisplay'], useGrouping: true });
    formats.set(key, f);
  }
  // a plain hyphen-minus in both languages (Intl may use U+2212 in some locales)
  return f.format(x).replace('\u2212', '-');
}

export const MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

const LONG_MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const DAYS_NL = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

/**
 * Vega's number and time locale for a language (Vega-Lite `config.locale`), so axis labels and
 * tooltips read "1.850" and "mrt 2016" in Dutch. English keeps Vega's default (en-US, as before).
 */
export function vegaLocale(lang: Lang): Record<string, unknown> | undefined {
  if (lang === 'en') return undefined;
  return {
    number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] },
    time: {
      dateTime: '%a %e %B %Y %X', date: '%d-%m-%Y', time: '%H:%M:%S', periods: ['', ''],
      days: DAYS_NL, shortDays: DAYS_NL.map((d) => d.slice(0, 2)), months: LONG_MONTHS_NL, shortMonths: [...MONTHS.nl],
    },
  };
}
