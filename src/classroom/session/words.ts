/**
 * The words of the session pages, in English and Dutch, at two levels: `standard` (the exact terms:
 * replicate, seed, paired, interval) and `school` (plain words for a class of 16-year-olds, the
 * exact term in a tooltip). `TERMS` holds the words that change with the level.
 */
import type { Lang } from '../../report/lang.ts';

export type Wording = 'standard' | 'school';

/** A term in both wordings: [standard, school]; in school wording the standard term is the tooltip. */
const TERMS = {
  en: {
    runs: ['replicates', 'tries with different luck'],
    seed: ['seed', 'starting dice'],
    paired: ['paired (common random numbers)', 'a fair comparison: every town meets the same people and the same luck'],
    band: ['95% range of replicates', 'where most tries end up'],
    caseload: ['caseload', 'people on benefit'],
    exitsWork: ['exits to work', 'found a job'],
    cost: ['total cost (EUR million)', 'what it cost (million euro)'],
    left: ['share 45+ / share 5+ years at the end', 'who is left: aged 45+ / on benefit 5+ years'],
  },
  nl: {
    runs: ['herhalingen (replicaties)', 'pogingen met ander geluk'],
    seed: ['startgetal (seed)', 'startworp van de dobbelsteen'],
    paired: ['gepaard (gemeenschappelijke toevalsgetallen)', 'een eerlijke vergelijking: elke gemeente krijgt dezelfde mensen en hetzelfde geluk'],
    band: ['95%-bereik van de herhalingen', 'waar de meeste pogingen uitkomen'],
    caseload: ['bijstandsbestand', 'mensen in de bijstand'],
    exitsWork: ['uitstroom naar werk', 'vonden werk'],
    cost: ['totale kosten (miljoen euro)', 'wat het kostte (miljoen euro)'],
    left: ['aandeel 45+ / aandeel 5+ jaar aan het eind', 'wie blijft over: 45+ / 5+ jaar in de bijstand'],
  },
} as const satisfies Record<Lang, Record<string, readonly [string, string]>>;

export type Term = keyof (typeof TERMS)['en'];

/** A term as HTML-ready text and its tooltip: the plain word with the exact term in school wording. */
export function term(lang: Lang, wording: Wording, t: Term): { text: string; title: string } {
  const [standard, school] = TERMS[lang][t];
  return wording === 'school' ? { text: school, title: standard } : { text: standard, title: '' };
}

/** Names of the policy types for the menu (model files label their policies in English). */
export const POLICY_NAMES: Record<Lang, Record<string, string>> = {
  en: {
    'strict-intake': 'strict intake', sanctions: 'sanctions', tegenprestatie: 'unpaid work in return (tegenprestatie)', 'soft-outreach': 'friendly outreach',
    'intensive-guidance': 'intensive guidance', 'earnings-disregard': 'keep part of earnings', exemption: 'exemption from job search', training: 'training',
    'employer-accounts': 'account managers for employers', triage: 'triage', outsourcing: 'temp agency', 'debt-help': 'debt help',
    entrepreneurship: 'start a business', 'social-activation': 'social activation', cohort: 'follow a group (no effect)',
  },
  nl: {
    'strict-intake': 'strenge poort', sanctions: 'sancties', tegenprestatie: 'tegenprestatie', 'soft-outreach': 'vriendelijke brief',
    'intensive-guidance': 'intensieve begeleiding', 'earnings-disregard': 'deel van de inkomsten houden', exemption: 'vrijstelling van sollicitatieplicht', training: 'scholing',
    'employer-accounts': 'accountmanagers voor werkgevers', triage: 'triage', outsourcing: 'uitzendbureau', 'debt-help': 'schuldhulp',
    entrepreneurship: 'eigen bedrijf starten', 'social-activation': 'sociale activering', cohort: 'groep volgen (geen effect)',
  },
};

const en = {
  title: 'uitstroom: class session',
  join: 'Join the session',
  code: 'Code',
  group: 'Group name',
  joinButton: 'Join',
  joined: 'You are group',
  town: 'Your town',
  budget: (n: number) => `Budget: up to ${n} measure${n === 1 ? '' : 's'}.`,
  overBudget: (n: number) => `Over budget: choose at most ${n}.`,
  choose: 'Choose your policies',
  saved: 'Choice saved.',
  waiting: 'Wait for the teacher to start the round.',
  running: 'The round is running…',
  results: 'Results',
  round: 'Round',
  teacher: 'Teacher',
  address: 'Students open',
  joinCode: 'Join code',
  groups: 'Groups',
  noGroups: 'No groups yet.',
  policies: 'Policies',
  none: 'none',
  start: 'Start the round',
  reveal: 'Reveal: the same choices under another economy',
  economyNames: { recession: 'a recession', flat: 'a flat economy', recovery: 'the 2015-2019 recovery', boom: 'a boom', historical: 'the economy as it was' } as Record<string, string>,
  nextRound: 'Next round',
  phases: { choosing: 'groups are choosing', running: 'running', results: 'results' } as Record<string, string>,
  export: 'Export results (CSV)',
  projector: 'Projector view',
  asPlayed: 'As played',
  under: (e: string) => `Under ${e}`,
  startOfRun: (n: string) => `Start: ${n}`,
  sameSeed: (runs: string, seed: string, paired: string) => `Every town: ${runs}, ${seed}; ${paired}.`,
  wording: 'Words',
  wordingNames: { standard: 'exact terms', school: 'school' } as Record<string, string>,
  language: 'Nederlands',
  badCode: 'That code is not this session’s.',
  full: 'The session is full.',
  lost: 'Connection lost; reconnecting…',
  axisNote: 'Bars start at zero.',
};

export type SessionWords = typeof en;

const nl: SessionWords = {
  title: 'uitstroom: klassessie',
  join: 'Doe mee met de sessie',
  code: 'Code',
  group: 'Groepsnaam',
  joinButton: 'Meedoen',
  joined: 'Jullie zijn groep',
  town: 'Jullie gemeente',
  budget: (n) => `Budget: hoogstens ${n} maatregel${n === 1 ? '' : 'en'}.`,
  overBudget: (n) => `Boven budget: kies er hoogstens ${n}.`,
  choose: 'Kies jullie beleid',
  saved: 'Keuze bewaard.',
  waiting: 'Wacht tot de docent de ronde start.',
  running: 'De ronde loopt…',
  results: 'Uitkomsten',
  round: 'Ronde',
  teacher: 'Docent',
  address: 'Leerlingen openen',
  joinCode: 'Code om mee te doen',
  groups: 'Groepen',
  noGroups: 'Nog geen groepen.',
  policies: 'Beleid',
  none: 'geen',
  start: 'Start de ronde',
  reveal: 'Onthulling: dezelfde keuzes in een andere economie',
  economyNames: { recession: 'een recessie', flat: 'een vlakke economie', recovery: 'het herstel van 2015-2019', boom: 'hoogconjunctuur', historical: 'de economie zoals die was' },
  nextRound: 'Volgende ronde',
  phases: { choosing: 'groepen kiezen', running: 'loopt', results: 'uitkomsten' },
  export: 'Uitkomsten downloaden (CSV)',
  projector: 'Beamerweergave',
  asPlayed: 'Zoals gespeeld',
  under: (e) => `Bij ${e}`,
  startOfRun: (n) => `Start: ${n}`,
  sameSeed: (runs, seed, paired) => `Elke gemeente: ${runs}, ${seed}; ${paired}.`,
  wording: 'Woorden',
  wordingNames: { standard: 'vaktermen', school: 'school' },
  language: 'English',
  badCode: 'Die code hoort niet bij deze sessie.',
  full: 'De sessie is vol.',
  lost: 'Verbinding verbroken; opnieuw verbinden…',
  axisNote: 'Balken beginnen bij nul.',
};

export const sessionWords = (lang: Lang): SessionWords => (lang === 'nl' ? nl : en);
