/**
 * Every string the page shows, in English and Dutch. Elements carry `data-i18n="key"` (text) or
 * `data-i18n-title="key"` (tooltip); code calls `t(key, ...values)`, where `{0}`, `{1}` are filled in.
 */
export type Lang = 'en' | 'nl';

const en = {
  title: 'uitstroom: the classroom',
  subtitle: 'Is it the policy or the economy?',
  language: 'Nederlands',
  projector: 'Projector',
  school: 'School words',
  schoolHint: 'Plain words instead of replicate, seed, paired and interval; hover for the exact term.',
  model: 'Municipality',
  calibrated: 'calibrated ({0} values from {1})',
  notCalibrated: 'not calibrated (default behaviour)',
  recipients: '{0} recipients, {1} months from {2}',
  economy: 'Economy',
  growthModel: 'as in the model file',
  growthHistorical: 'historical (CBS)',
  growthFlat: 'flat (1.5%)',
  growthRecession: 'recession',
  growthRecovery: 'recovery (2015-2019)',
  growthBoom: 'boom (3.5%)',
  growthHand: 'drawn by hand',
  growthHint: 'GDP growth per year (%). Drag a bar to draw your own economy.',
  policies: 'Policies',
  noPolicy: 'No policy',
  modelPolicies: 'As in the model',
  addPolicy: 'Add',
  off: 'off',
  town: 'Town size',
  townHint: 'Everything scaled: recipients, applicants, vacancies, places.',
  seed: 'Seed',
  newSeed: 'Another seed',
  seedHint: 'The same seed gives the same people and the same luck.',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  reset: 'Restart',
  speed: 'Speed',
  perSecond: '{0} months/s',
  fastest: 'as fast as possible',
  month: 'Month',
  caseloadNow: 'Caseload',
  change: 'Change since start',
  toWork: 'Exits to work',
  cost: 'Benefit cost',
  chartCaseload: 'Caseload (recipients at the end of each month)',
  thisRun: 'this setting',
  previousRun: 'previous setting',
  chartExits: 'Exits by route, per month',
  routeWork: 'to work',
  routeSchool: 'school or removed',
  routeOther: 'moved, cohabiting, pension',
  chartComposition: 'Who is on benefit',
  panelShares: 'Shares of the caseload (%)',
  panelIndex: 'Indices (motivation 0-100; employability, start = 100)',
  share45: 'aged 45+ (%)',
  share5y: '5+ years on benefit (%)',
  motivation: 'mean motivation (0-100)',
  employability: 'mean employability (start = 100)',
  chartPeople: 'People: one dot stands for {0}',
  chartSmall: 'Six replicates: the same town, policy and economy, different luck',
  replicate: 'replicate',
  status_onBenefit: 'on benefit',
  status_inProgramme: 'in a programme',
  status_backOnBenefit: 'back on benefit after a job',
  status_inWork: 'in work',
  status_durableJob: 'durable job (2 years)',
  status_jobEnded: 'job ended, not back',
  status_leftOther: 'left another way',
  age: 'age',
  motivationPerson: 'motivation',
  years: 'years on benefit',
  skills: 'skills',
  spells: 'spells on benefit',
  programme: 'programme',
  replicates: 'Many replicates',
  runReplicates: 'Run {0} replicates',
  running: 'running… {0} of {1}',
  cancel: 'Stop',
  chartFan: 'Caseload over {0} replicates: median, 50% and 90% of replicates',
  fanText: 'Caseload at the end: mean {0} (95% interval of the mean {1} to {2}); 95% of replicates between {3} and {4}.',
  chartProgrammes: 'Programmes: share of participants off benefit within 12 months of starting, one tick per replicate',
  programmeText: '{0}: {1} on average (95% of replicates between {2} and {3}; about {4} participants each).',
  compare: 'Compare two settings',
  setA: 'Use these settings as A',
  setB: 'Use these settings as B',
  runCompare: 'Compare A and B ({0} replicates each)',
  notSet: 'not set',
  chartCompare: 'Caseload: A and B (median and 90% of replicates)',
  chartDifference: 'Difference B − A, replicate by replicate: mean and 95% interval',
  compareText: 'At the end, B − A = {0} recipients (95% interval {1} to {2}). Paired: the same {3} seeds in A and B. Had the replicates not been paired, the interval would be ±{4}.',
  compareSeed: 'Both run with seed {0}.',
  lessons: 'Lessons',
  openLesson: 'Open a lesson file…',
  question: 'Question',
  reveal: 'Reveal',
  hide: 'Hide',
  sources: 'Sources',
  lessonError: 'This lesson file has problems:',
  footer: 'uitstroom {0}, built {1}. The same engine and model files as the command line, running in your browser.',
  workerError: 'The simulation stopped: {0}',
  loading: 'Loading the models…',
} as const;

export type Key = keyof typeof en;

const nl: Record<Key, string> = {
  title: 'uitstroom: het klaslokaal',
  subtitle: 'Is het het beleid of de economie?',
  language: 'English',
  projector: 'Beamer',
  school: 'Schoolwoorden',
  schoolHint: 'Gewone woorden in plaats van replicatie, seed, gepaard en interval; wijs aan voor de vakterm.',
  model: 'Gemeente',
  calibrated: 'gekalibreerd ({0} waarden uit {1})',
  notCalibrated: 'niet gekalibreerd (standaardgedrag)',
  recipients: '{0} bijstandsgerechtigden, {1} maanden vanaf {2}',
  economy: 'Economie',
  growthModel: 'zoals in het modelbestand',
  growthHistorical: 'historisch (CBS)',
  growthFlat: 'vlak (1,5%)',
  growthRecession: 'recessie',
  growthRecovery: 'herstel (2015-2019)',
  growthBoom: 'hoogconjunctuur (3,5%)',
  growthHand: 'zelf getekend',
  growthHint: 'Groei van het bbp per jaar (%). Sleep een staaf om je eigen economie te tekenen.',
  policies: 'Beleid',
  noPolicy: 'Geen beleid',
  modelPolicies: 'Zoals in het model',
  addPolicy: 'Toevoegen',
  off: 'uit',
  town: 'Grootte van de gemeente',
  townHint: 'Alles geschaald: uitkeringen, aanvragers, vacatures, plaatsen.',
  seed: 'Seed',
  newSeed: 'Andere seed',
  seedHint: 'Dezelfde seed geeft dezelfde mensen en hetzelfde geluk.',
  play: 'Start',
  pause: 'Pauze',
  step: 'Stap',
  reset: 'Opnieuw',
  speed: 'Snelheid',
  perSecond: '{0} maanden/s',
  fastest: 'zo snel mogelijk',
  month: 'Maand',
  caseloadNow: 'Bestand',
  change: 'Verandering sinds start',
  toWork: 'Uitstroom naar werk',
  cost: 'Uitkeringslasten',
  chartCaseload: 'Bijstandsbestand (aan het eind van elke maand)',
  thisRun: 'deze instelling',
  previousRun: 'vorige instelling',
  chartExits: 'Uitstroom per route, per maand',
  routeWork: 'naar werk',
  routeSchool: 'school of beëindigd',
  routeOther: 'verhuizing, samenwonen, AOW',
  chartComposition: 'Wie zit er in de bijstand',
  panelShares: 'Aandelen van het bestand (%)',
  panelIndex: 'Indexen (motivatie 0-100; kansrijkheid, start = 100)',
  share45: '45 jaar of ouder (%)',
  share5y: '5+ jaar in de bijstand (%)',
  motivation: 'gemiddelde motivatie (0-100)',
  employability: 'gemiddelde kansrijkheid (start = 100)',
  chartPeople: 'Mensen: één stip staat voor {0}',
  chartSmall: 'Zes replicaties: dezelfde gemeente, hetzelfde beleid en dezelfde economie, ander geluk',
  replicate: 'replicatie',
  status_onBenefit: 'in de bijstand',
  status_inProgramme: 'in een traject',
  status_backOnBenefit: 'terug in de bijstand na een baan',
  status_inWork: 'aan het werk',
  status_durableJob: 'duurzaam werk (2 jaar)',
  status_jobEnded: 'baan voorbij, niet terug',
  status_leftOther: 'op een andere manier uitgestroomd',
  age: 'leeftijd',
  motivationPerson: 'motivatie',
  years: 'jaar in de bijstand',
  skills: 'vaardigheden',
  spells: 'keren in de bijstand',
  programme: 'traject',
  replicates: 'Veel replicaties',
  runReplicates: '{0} replicaties draaien',
  running: 'bezig… {0} van {1}',
  cancel: 'Stop',
  chartFan: 'Bestand over {0} replicaties: mediaan, 50% en 90% van de replicaties',
  fanText: 'Bestand aan het eind: gemiddeld {0} (95%-interval van het gemiddelde {1} tot {2}); 95% van de replicaties tussen {3} en {4}.',
  chartProgrammes: 'Trajecten: aandeel deelnemers binnen 12 maanden na de start uit de bijstand, één streepje per replicatie',
  programmeText: '{0}: gemiddeld {1} (95% van de replicaties tussen {2} en {3}; ongeveer {4} deelnemers per keer).',
  compare: 'Twee instellingen vergelijken',
  setA: 'Deze instellingen als A',
  setB: 'Deze instellingen als B',
  runCompare: 'A en B vergelijken ({0} replicaties elk)',
  notSet: 'niet ingesteld',
  chartCompare: 'Bestand: A en B (mediaan en 90% van de replicaties)',
  chartDifference: 'Verschil B − A, replicatie voor replicatie: gemiddelde en 95%-interval',
  compareText: 'Aan het eind is B − A = {0} uitkeringen (95%-interval {1} tot {2}). Gepaard: dezelfde {3} seeds in A en B. Zonder paren was het interval ±{4} geweest.',
  compareSeed: 'Beide met seed {0}.',
  lessons: 'Lessen',
  openLesson: 'Lesbestand openen…',
  question: 'Vraag',
  reveal: 'Onthullen',
  hide: 'Verbergen',
  sources: 'Bronnen',
  lessonError: 'Dit lesbestand heeft fouten:',
  footer: 'uitstroom {0}, gebouwd {1}. Dezelfde rekenkern en modelbestanden als de opdrachtregel, in je browser.',
  workerError: 'De simulatie is gestopt: {0}',
  loading: 'Modellen laden…',
};

/** Policy types and lever fields, by language. */
const names: Record<Lang, Record<string, string>> = {
  en: {
    'strict-intake': 'Strict intake', 'intensive-guidance': 'Intensive guidance', sanctions: 'Sanctions', tegenprestatie: 'Tegenprestatie (work in return)',
    'soft-outreach': 'Soft outreach', 'earnings-disregard': 'Keep part of earnings', exemption: 'No job-search duty', training: 'Training',
    'employer-accounts': 'Employer account managers', triage: 'Triage', outsourcing: 'Outsourcing to an agency', 'debt-help': 'Debt help',
    entrepreneurship: 'Starting a business', 'social-activation': 'Social activation', cohort: 'Observed group',
    deterredShare: 'applicants who withdraw', caseloadPerManager: 'clients per case manager', caseManagers: 'case managers',
    strictness: 'strictness (chance a violation is sanctioned)', goalHoursPerWeek: 'hours per week', places: 'places',
    intensity: 'intensity', keepShare: 'share of earnings kept', dedicatedVacanciesPerMonth: 'employer vacancies per month',
  },
  nl: {
    'strict-intake': 'Strenge poort', 'intensive-guidance': 'Intensieve begeleiding', sanctions: 'Sancties', tegenprestatie: 'Tegenprestatie',
    'soft-outreach': 'Zachte aanpak', 'earnings-disregard': 'Deel van inkomsten houden', exemption: 'Geen sollicitatieplicht', training: 'Scholing',
    'employer-accounts': 'Accountmanagers werkgevers', triage: 'Triage', outsourcing: 'Uitbesteden aan een bureau', 'debt-help': 'Schuldhulp',
    entrepreneurship: 'Een bedrijf starten', 'social-activation': 'Sociale activering', cohort: 'Gevolgde groep',
    deterredShare: 'aanvragers die afhaken', caseloadPerManager: 'cliënten per klantmanager', caseManagers: 'klantmanagers',
    strictness: 'strengheid (kans dat een overtreding wordt bestraft)', goalHoursPerWeek: 'uren per week', places: 'plaatsen',
    intensity: 'intensiteit', keepShare: 'deel van inkomsten dat je houdt', dedicatedVacanciesPerMonth: 'vacatures van werkgevers per maand',
  },
};

const dict: Record<Lang, Record<Key, string>> = { en, nl };

/**
 * The "school" wording: plain words for a class of 16-year-olds in place of replicate, seed,
 * paired and interval. The exact wording stays available as a tooltip (`exact`).
 */
const school: Record<Lang, Partial<Record<Key, string>>> = {
  en: {
    seed: 'Starting dice', newSeed: 'Throw the dice again', seedHint: 'The same starting dice give the same people and the same luck.',
    chartSmall: 'Six tries: the same town, policy and economy, different luck', replicate: 'try', replicates: 'Many tries', runReplicates: 'Run {0} tries',
    chartFan: 'Caseload over {0} tries: the middle one, and where half and most of the tries end up',
    fanText: 'Caseload at the end: on average {0} (we are fairly sure the true average lies between {1} and {2}); most tries end between {3} and {4}.',
    chartProgrammes: 'Programmes: share of participants off benefit within 12 months of starting, one tick per try',
    programmeText: '{0}: {1} on average (most tries between {2} and {3}; about {4} participants each).',
    runCompare: 'Compare A and B ({0} tries each)', chartCompare: 'Caseload: A and B (the middle try and where most end up)',
    chartDifference: 'Difference B − A, try by try: the average and where it most likely lies',
    compareText: 'At the end, B − A = {0} recipients (fairly sure between {1} and {2}). A fair comparison: A and B met the same {3} sets of dice. Without that, the uncertainty would be ±{4}.',
    compareSeed: 'Both with starting dice {0}.',
  },
  nl: {
    seed: 'Startworp', newSeed: 'Gooi opnieuw', seedHint: 'Dezelfde startworp geeft dezelfde mensen en hetzelfde geluk.',
    chartSmall: 'Zes pogingen: dezelfde gemeente, hetzelfde beleid en dezelfde economie, ander geluk', replicate: 'poging', replicates: 'Veel pogingen', runReplicates: '{0} pogingen draaien',
    chartFan: 'Bestand over {0} pogingen: de middelste, en waar de helft en de meeste pogingen uitkomen',
    fanText: 'Bestand aan het eind: gemiddeld {0} (vrij zeker ligt het echte gemiddelde tussen {1} en {2}); de meeste pogingen eindigen tussen {3} en {4}.',
    chartProgrammes: 'Trajecten: aandeel deelnemers binnen 12 maanden na de start uit de bijstand, één streepje per poging',
    programmeText: '{0}: gemiddeld {1} (de meeste pogingen tussen {2} en {3}; ongeveer {4} deelnemers per keer).',
    runCompare: 'A en B vergelijken ({0} pogingen elk)', chartCompare: 'Bestand: A en B (de middelste poging en waar de meeste uitkomen)',
    chartDifference: 'Verschil B − A, poging voor poging: het gemiddelde en waar het waarschijnlijk ligt',
    compareText: 'Aan het eind is B − A = {0} uitkeringen (vrij zeker tussen {1} en {2}). Een eerlijke vergelijking: A en B kregen dezelfde {3} worpen. Anders was de onzekerheid ±{4} geweest.',
    compareSeed: 'Beide met startworp {0}.',
  },
};

export type Wording = 'standard' | 'school';
let wording: Wording = 'standard';

export function setWording(w: Wording): void {
  wording = w;
}

export function getWording(): Wording {
  return wording;
}

let lang: Lang = 'en';

export function setLang(l: Lang): void {
  lang = l;
  document.documentElement.lang = l;
}

export function getLang(): Lang {
  return lang;
}

/** The string for `key` in the current language, with `{0}`, `{1}`, ... filled in. */
export function t(key: Key, ...values: (string | number)[]): string {
  const text = (wording === 'school' ? school[lang][key] : undefined) ?? dict[lang][key];
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(values[Number(i)]));
}

/** The exact wording of `key` when the school wording replaces it (for a tooltip), else ''. */
export function exact(key: Key, ...values: (string | number)[]): string {
  if (wording !== 'school' || school[lang][key] === undefined) return '';
  return dict[lang][key].replace(/\{(\d)\}/g, (_, i: string) => String(values[Number(i)]));
}

/** Sets an element's text to `key`, with the exact wording as its tooltip in school wording. */
export function setText(el: HTMLElement, key: Key, ...values: (string | number)[]): void {
  el.textContent = t(key, ...values);
  el.title = exact(key, ...values);
}

/** A policy type's or lever field's name. */
export function nameOf(id: string): string {
  return names[lang][id] ?? id;
}

/** The name of an economic path as the page shows it. */
export function growthName(g: string): string {
  const key = ({ model: 'growthModel', historical: 'growthHistorical', flat: 'growthFlat', recession: 'growthRecession', recovery: 'growthRecovery', boom: 'growthBoom' } as Record<string, Key>)[g];
  return key ? t(key) : g;
}

/** Fills every `data-i18n` element under `root`. */
export function translate(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    setText(el, el.dataset.i18n as Key);
    // an element that has a tooltip of its own keeps it
    if (!el.title && el.dataset.i18nTitle) el.title = t(el.dataset.i18nTitle as Key);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle as Key);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number for people: thousands separated, `digits` decimals (formatters cached: making one is slow). */
export function fmt(x: number, digits = 0): string {
  const key = `${lang}${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(x);
}

export function pct(x: number, digits = 1): string {
  return `${fmt(x * 100, digits)}%`;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "2015-01" plus `t` months, as a month name and year in the current language. */
export function monthName(startMonth: string, t: number): string {
  const [y, m] = startMonth.split('-').map(Number);
  let f = monthFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: 'numeric' });
    monthFormats.set(lang, f);
  }
  return f.format(new Date(y, m - 1 + t, 1));
}
