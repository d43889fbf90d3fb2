/**
 * Model files describe themselves in English. Their Dutch descriptions and policy labels live
 * here, each beside the English text it translates: when a model file's English changes, its Dutch
 * no longer matches and is not used (the English is shown, marked as English, with a warning) until
 * someone translates the new text. Keyed by model name and by English label.
 */
import type { Lang } from './lang.ts';

/** Model name -> [English description as translated, Dutch description], one pair per wording the model file has had. */
const DESCRIPTIONS: Record<string, readonly (readonly [string, string])[]> = {
  almere: [['Almere 2015-2017: intensive guidance for 45+ recipients on rungs 2-4 from 2016, against the 2015 baseline.',
    'Almere 2015-2017: intensieve begeleiding voor bijstandsgerechtigden van 45+ op treden 2-4 vanaf 2016, tegenover de uitgangssituatie van 2015.']],
  amsterdam: [['Amsterdam 2015-2019: the soft approach "Meedoen werkt" for the long-term group, no strict intake.',
    'Amsterdam 2015-2019: de zachte aanpak "Meedoen werkt" voor de langdurige groep, geen strenge poort.']],
  apeldoorn: [['Apeldoorn 2017-2019: the Participatiewet trial with 450 participants in a control group and three arms.',
    'Apeldoorn 2017-2019: het experiment Participatiewet met 450 deelnemers in een controlegroep en drie varianten.']],
  'den-haag': [['Den Haag 2018-2020: entrepreneurship pilot, debt help and employer contact on top of about 4,000 exits to work a year.',
    'Den Haag 2018-2020: pilot ondernemerschap, schuldhulp en werkgeverscontact bovenop zo’n 4.000 uitstromers naar werk per jaar.']],
  eindhoven: [['Eindhoven 2018-2019: falling caseload in the boom; triage and employer cooperation from 2019.',
    'Eindhoven 2018-2019: dalend bestand in de hoogconjunctuur; triage en samenwerking met werkgevers vanaf 2019.']],
  emmen: [['Emmen 2015-2016: strict intake at the TDC, diagnosis and tracks, employer account management, sanctions as a stick.',
    'Emmen 2015-2016: strenge poort bij het TDC, diagnose en trajecten, accountmanagement voor werkgevers, sancties als stok achter de deur.']],
  enschede: [['Enschede 2018-2020: ICT retraining for a small group, in a caseload far from the labour market.',
    'Enschede 2018-2020: omscholing tot ICT’er voor een kleine groep, in een bestand ver van de arbeidsmarkt.']],
  netherlands: [
    ['National baseline 2015-2017, a 1-in-10 sample: caseload growth under the national economy, no extra policy.',
      'Landelijke basislijn 2015-2017, een steekproef van 1 op 10: groei van het bestand onder de landelijke economie, geen extra beleid.'],
    ['The Netherlands 2013-2024, a 1-in-10 sample on the observed labour market; calibrated on 2013-2017, the rest a forecast.',
      'Nederland 2013-2024, een steekproef van 1 op 10 op de waargenomen arbeidsmarkt; gekalibreerd op 2013-2017, de rest een voorspelling.'],
  ],
  rotterdam: [['Rotterdam 2015-2019: strict intake, tegenprestatie for the long-term group, sanctions, under the national recovery.',
    'Rotterdam 2015-2019: strenge poort, tegenprestatie voor de langdurige groep, sancties, tijdens het landelijke herstel.']],
  wageningen: [['Wageningen 2017-2019: the Participatiewet trial, control group and three arms assigned by lottery.',
    'Wageningen 2017-2019: het experiment Participatiewet, een controlegroep en drie varianten, ingedeeld door loting.']],
};

/** English policy label -> Dutch. */
const LABELS: Record<string, string> = {
  '45+ approach': 'aanpak 45+',
  '45+ on rungs 3-5 in 2015': '45+ op treden 3-5 in 2015',
  'Meedoen werkt': 'Meedoen werkt',
  'TDC diagnosis and track': 'diagnose en traject bij het TDC',
  'account managers with economic affairs': 'accountmanagers met economische zaken',
  'employer cooperation': 'samenwerking met werkgevers',
  'mandatory intake interview': 'verplicht intakegesprek',
  'next-day report at the TDC': 'de volgende dag melden bij het TDC',
  'no job-search duty for older jobseekers': 'geen sollicitatieplicht voor oudere werkzoekenden',
  'sanctions as a stick': 'sancties als stok achter de deur',
  sanctions: 'sancties',
  'stricter on no-shows': 'strenger bij niet verschijnen',
  tegenprestatie: 'tegenprestatie',
  triage: 'triage',
  'keep part of earnings': 'deel van de inkomsten houden',
  'employer contact': 'werkgeverscontact',
  'Ondernemend uit de bijstand': 'Ondernemend uit de bijstand',
  'exempt from job-search duties': 'vrijgesteld van sollicitatieplicht',
  'more attention': 'meer aandacht',
  'ICT retraining': 'omscholing tot ICT’er',
  'drone pilots': 'dronepiloten',
  'control group': 'controlegroep',
  'debt help': 'schuldhulp',
  'own direction': 'eigen regie',
  'guidance on measure': 'begeleiding op maat',
};

/** A model's description in `lang`: the Dutch one if it translates the current English, else the English (`translated: false`). */
export function modelDescription(name: string, english: string, lang: Lang): { text: string; translated: boolean } {
  if (lang === 'en') return { text: english, translated: true };
  const d = DESCRIPTIONS[name]?.find(([en]) => en === english);
  return d ? { text: d[1], translated: true } : { text: english, translated: false };
}

/** A policy label in `lang` (the English label when no Dutch one is known). */
export function policyLabel(english: string, lang: Lang): string {
  return lang === 'en' ? english : (LABELS[english] ?? english);
}

/** Whether a Dutch label is known for an English one. */
export const hasDutchLabel = (english: string) => english in LABELS;

/** The warning when a model has no (current) Dutch description. */
export const missingDutchDescription = (name: string) =>
  `model '${name}' has no Dutch description for its current English one (src/report/model-words.ts): the Dutch report shows the English text, marked as English.`;
