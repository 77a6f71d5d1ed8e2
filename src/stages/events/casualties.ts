// Casualties: how many people a sentence says were killed, injured or captured, from the
// counted people near "killed", "wounded", "captured" ("killing two civilians", "25 soldiers
// were captured", "killed a Palestinian man"), and which of the sentence's events they belong
// to: the deaths of an attack are the attack's ("…, killing two civilians"), not an event of
// their own.
import type { Casualties, Doc, Token } from '../../doc.js';
import type { Draft, SentenceView } from './frame.js';
import type { Phrase } from './phrases.js';
import type { DocIndex } from './doc-index.js';
import { numberWordValue } from '../quantities/numbers.js';
import { ageEnd, isDayOfMonth } from '../../text.js';
import { SEE_OR_LEAVE } from './cues.js';
import { participleListStart } from './candidates.js';
import { naturalCauseAfter } from './sense.js';
import type { Taxonomy } from './taxonomy.js';

/**
 * The events of a sentence that stand (a KILLING beside a violent event folds into it), with
 * the sentence's casualties given to the one of them that can carry casualties whose trigger
 * stands nearest the casualty word ("was engaged in an argument when he was shot": the
 * shooting's), the captured to a CAPTURE when there is one, and the killed as its casualties
 * arguments. Casualties told of people told before ("the victim died", "he was shot") make
 * their event a later mention of an incident (`victimKnown`, for mergeIncidents).
 */
export function settleCasualties(view: SentenceView, made: Draft[], orphan?: (figures: SentenceCasualties, shooting: boolean) => void): Draft[] {
  const { taxonomy } = view;
  const sentence = view.doc.sentences[view.s]!;
  // a war-wide or period toll is no event, nor are the deeds a noun names in it ("Air strikes
  // have killed 1,200 civilians this year", "Israel's offensive has since killed 38,000": the
  // war, named by what it did), and its dead are no incident's
  if (isPeriodToll(view.doc.text.slice(sentence.start, sentence.end))) return made.filter((d) => d.event.type !== 'KILLING' && !d.nominal && view.toks.find((t) => t.start === d.event.trigger.start)?.pos === 'VERB');
  const violent = made.filter((d) => taxonomy.is(d.event.type, 'absorbsKilling'));
  // a killing by gunfire ("shot and killed a man … after a crash") is a deed of its own beside a crash
  const notCrash = violent.filter((d) => d.event.type !== 'CRASH');
  // (not across a clause of time: "youths looted shops, two days after a teenager was killed by a police officer")
  const absorbers = (d: Draft) => (isShooting(view.doc.text, d) ? notCrash : violent).filter((a) => !toldApart(view.toks, a, d));
  const kept = made.filter((d) => !(d.event.type === 'KILLING' && absorbers(d).length > 0));
  // the killing is told as a mention of the deed it folds into ("…, killing two civilians")
  for (const d of made) {
    if (kept.includes(d)) continue;
    const into = foldedInto(view, absorbers(d), d);
    addMention(into, d);
    // "Gunmen killed 40 people in an attack on a village": who killed did the deed told after
    // the killing ("The Kabul bombing killed 22": the killing's subject is the deed itself)
    const agents = d.event.args.filter((a) => a.role === 'agent' && !/^(GPE|LOC|FACILITY)$/.test(view.index.entity(a.ref)?.type ?? ''));
    if (d.event.trigger.start < into.event.trigger.start && !into.event.args.some((a) => a.role === 'agent')) into.event.args.push(...agents);
  }
  const carriers = kept.filter((d) => taxonomy.is(d.event.type, 'casualties'));
  if (!carriers.length) return kept;
  const figures = readCasualties(view.doc, casualtyWords(view), view.toks, view.phrases, { index: view.index, s: view.s });
  const { casualties, shot, word, known, also } = figures;
  // the shot are a shooting's: beside no shooting ("Teen shot during home invasion"), they are the incident's told next or last
  const shooting = word !== null && SHOOTING.test(view.toks[word]!.lower);
  // … but the dead of a raid whose men gunned them down are the raid's, with no shooting of its own
  const shootings = shooting ? carriers.filter((d) => takesShot(taxonomy, d)) : carriers;
  const fitting = shootings.length || casualties.killed === null ? shootings : carriers.filter((d) => !taxonomy.is(d.event.type, 'effect'));
  if (!fitting.length) {
    orphan?.(figures, shooting);
    return kept;
  }
  // the dead and wounded are a violent event's rather than an arrest's or a protest's beside it
  // ("opened fire …, killing one person and arresting 12": the firing's dead)
  const harmed = casualties.killed !== null || casualties.injured !== null || shot !== null;
  const harming = harmed ? fitting.filter((d) => taxonomy.is(d.event.type, 'violent') || d.event.type === 'KILLING') : [];
  // and the deed's rather than the damage it did beside them ("raided a village, shooting dead
  // four villagers and torching 30 houses": the raid's dead, not the torching's)
  // and one that took place rather than one tried ("repelled an RSF assault …, killing 27 RSF fighters": the fight's)
  const deeds = harming.filter((d) => d.event.type === 'KILLING' || !taxonomy.is(d.event.type, 'effect'));
  // "Between 6 and 9 soldiers were killed, and two vehicles were burned": damage no one is said
  // to have done is what the deed told before did, and so are the dead beside it
  if (orphan && harming.length && !deeds.length && harming.every((d) => !d.event.args.some((a) => a.role === 'agent'))) {
    orphan(figures, shooting);
    return kept;
  }
  const done = deeds.filter((d) => d.event.modality === 'asserted' || d.event.modality === 'claimed');
  const primary = nearest(done.length ? done : deeds.length ? deeds : harming.length ? harming : fitting, word === null ? null : view.toks[word]!.start);
  if (shot !== null) primary.shot = shot;
  if (known && !primary.nominal) primary.victimKnown = true;
  if (also) primary.also = true;
  const killingTarget = made.find((d) => d.event.type === 'KILLING')?.event.args.filter((a) => a.role === 'target') ?? [];
  for (const key of ['killed', 'injured', 'captured'] as const) {
    if (casualties[key] !== null) {
      const owner = key === 'captured' ? kept.find((d) => d.event.type === 'CAPTURE') ?? primary : primary;
      owner.event.casualties[key] = casualties[key];
    }
  }
  if (primary.event.type !== 'KILLING') for (const a of killingTarget) if (!primary.event.args.some((b) => b.start === a.start)) primary.event.args.push({ ...a, role: 'casualties' });
  return kept;
}

const SHOOTING = /^(shot|shoot|shoots|shooting|gunned)$/;

/** An event the shot of a sentence may belong to: a strike (a shooting is an ATTACK) or a killing. */
export const takesShot = (taxonomy: Taxonomy, d: Draft): boolean =>
  taxonomy.is(d.event.type, 'strike') || d.event.type === 'KILLING' || (d.event.mentions ?? []).some((m) => SHOOTING.test(m.text.toLowerCase())); // "stormed the camp and shot residents": the raid's shooting

/** A draft's trigger as a mention of the event it folds into, in text order. */
export function addMention(into: Draft, d: Draft): void {
  const mentions = (into.event.mentions ??= []);
  mentions.push({ ...d.event.trigger, sentence: d.event.sentence, type: d.event.type, modality: d.event.modality });
  // and the words merged into it before ("died …, while 50 others were injured")
  for (const m of d.event.mentions ?? []) if (m.start !== into.event.trigger.start && !mentions.some((x) => x.start === m.start)) mentions.push(m);
  mentions.sort((a, b) => a.start - b.start);
}

/** "shot and killed", "fatally shot", "shot dead", "gunned down": a killing told as a shooting. */
function isShooting(text: string, d: Draft): boolean {
  const t = d.event.trigger;
  return /^(shot|shoot|gun)/i.test(t.text) || /\b(shot|shooting)\s+(and\s+)?$/i.test(text.slice(Math.max(0, t.start - 16), t.start));
}

/**
 * The deed a killing folds into: the one whose trigger stands nearest, but for a participle
 * after a comma the nearest before it, the deed whose clause it goes on ("attacked an army
 * post, killing seven soldiers and seizing weapons": the attack's dead).
 */
function foldedInto(view: SentenceView, absorbers: Draft[], d: Draft): Draft {
  const at = view.toks.findIndex((t) => t.start === d.event.trigger.start);
  const participle = at > 0 && /ing$/.test(view.toks[at]!.lower) && view.toks[at - 1]!.text === ',';
  const before = participle ? absorbers.filter((a) => a.event.trigger.start < d.event.trigger.start) : [];
  return nearest(before.length ? before : absorbers, d.event.trigger.start);
}

/**
 * Are two deeds of a sentence told apart by a clause of time between them, after a comma or a
 * span (", two days after a teenager was killed", "a week before")? Not "killed five after
 * storming the village", one raid.
 */
function toldApart(toks: Token[], a: Draft, b: Draft): boolean {
  const [from, to] = a.event.trigger.start < b.event.trigger.start ? [a.event.trigger.end, b.event.trigger.start] : [b.event.trigger.end, a.event.trigger.start];
  // (the later deed inside the clause: "crashed shortly after takeoff, killing four crewmen" is one)
  return toks.some((t, k) => t.start >= from && t.end <= to && /^(after|before|following|since|until)$/.test(t.lower) && (toks[k - 1]?.text === ',' || SPAN.test(toks[k - 1]?.lower ?? '')) && !toks.some((u) => u.start > t.start && u.end <= to && u.text === ','));
}
const SPAN = /^(minutes|hours|days|weeks|months|years|day|week|month|year|shortly|soon|moments|just)$/;

/** The event whose trigger stands nearest an offset (the first when there is none). */
function nearest(drafts: Draft[], offset: number | null): Draft {
  if (offset === null) return drafts[0]!;
  const distance = (d: Draft) => Math.abs(d.event.trigger.start - offset);
  return drafts.reduce((best, d) => (distance(d) < distance(best) ? d : best));
}

/**
 * A toll over a period rather than an incident: "More than 330,000 people have been killed
 * since the conflict began", "Air strikes have killed 1,200 civilians this year", "the death
 * toll of the war". It counts over a span of time (since, so far, this year, in total, over the
 * past …), or in thousands or millions, in the perfect ("have been killed", "has claimed") or as
 * a toll.
 */
export function isPeriodToll(sentence: string): boolean {
  const perfect = /\b(have|has|had)\s+(now\s+|since\s+|so far\s+)?(been\s+)?(killed|died|claimed|left|wounded|injured)\b|\bdeath toll\b|\btoll\b/i;
  return ((PERIOD.test(sentence) || UNCOUNTED_MANY.test(sentence)) && perfect.test(sentence)) || WAR_TOLL.test(sentence);
}

/** "The war, now in its ninth year, has killed more than 370,000 people": a war's toll, told by the war in the perfect, whatever its span. */
const WAR_TOLL = /\b(war|conflict|insurgency|uprising|invasion)\b[^.;:]{0,80}?\b(has|have|had)\s+(now\s+|since\s+|so far\s+|already\s+)?(killed|claimed|left)\b/i;

/** "Thousands … have been killed": a figure no one counted, which in the perfect is a toll whether or not a span is named. */
const UNCOUNTED_MANY = /\b(thousands|tens of thousands|hundreds of thousands|millions)\b/i;

/** Words of a span of time a toll counts over: "since", "this year", "during this period". */
export const PERIOD = /\b(since|so far|to date|this year|last year|in total|altogether|over the (past|last)|during (the|this|that) (war|conflict|uprising|fighting|period|time)|of the (war|conflict))\b/i;

/** What a count says happened to its people: a casualty, or `shot` (hit by gunfire; killed or wounded, which the article may tell elsewhere). */
type Fate = keyof Casualties | 'shot';

/** The words a count is read with: names.json's people nouns, cues.json's victim nouns, casualty words (word → what it says happened to the people counted near it) and care states ("is hospitalized", "in critical condition"). */
export interface CasualtyWords {
  people: ReadonlySet<string>;
  victimNouns: ReadonlySet<string>;
  casualty: ReadonlyMap<string, keyof Casualties>;
  careStates: ReadonlySet<string>;
  conditions: ReadonlySet<string>;
}

/** The words a sentence's casualties are counted with. */
export const casualtyWords = (view: Pick<SentenceView, 'know' | 'cues'>): CasualtyWords => ({
  people: view.know.people,
  victimNouns: view.cues.victimNouns,
  casualty: view.cues.casualty,
  careStates: view.cues.careStates,
  conditions: view.cues.conditions,
});

/**
 * A sentence's casualties; the people it says were shot without saying whether they lived
 * (for the incident to settle: settleFigures); the token of the casualty word of its first
 * figure; whether its people were told before ("the victim died", "he was shot"); whether
 * they are others than those told before ("also killed a neighbor", "was also shot").
 */
export interface SentenceCasualties {
  casualties: Casualties;
  shot: number | null;
  word: number | null;
  known: boolean;
  also: boolean;
}

/**
 * Numbers of people killed, injured and captured in a sentence. A count belongs to the
 * casualty word that governs it: the verb it is the object of ("killed 12 civilians",
 * "wounding at least 30"), or the passive or intransitive verb it is the subject of ("At least
 * 14 civilians … were killed", "two people died", "30 wounded"). A count that is the object of
 * another verb ("displaced 5,000 people") or a part of another count ("including three
 * children") counts no casualties. The shot whose fate is not told are wounded, less those
 * of them the sentence says died ("two men were shot; one died": one killed, one wounded).
 */
/** `at`: the sentence's place in the run's index, so dates and quantities are looked up there rather than across the document */
export function countCasualties(doc: Doc, words: CasualtyWords, toks: Token[], phrases: Phrase[], at?: { index: DocIndex; s: number }): Casualties {
  const { casualties, shot } = readCasualties(doc, words, toks, phrases, at);
  return withShot(casualties, shot);
}

/** The wounded among the shot, where no figure of wounded is given: those shot, less the dead (the ones of them who died). */
export function withShot(c: Casualties, shot: number | null | undefined): Casualties {
  if (c.injured !== null || !shot) return c;
  const rest = shot - (c.killed ?? 0);
  return rest > 0 ? { ...c, injured: rest } : c;
}

/**
 * The sentence's figures, each the first count of its kind; coordinated counts add up
 * ("Stephens, 32, and Paul Rayer, 51, were shot and killed": two). The shot of a sentence
 * whose dead are others ("a man was killed and a woman was shot") are its wounded; where the
 * dead are told as some of the shot ("one died", "the victim died"), the shot stay open.
 */
export function readCasualties(doc: Doc, words: CasualtyWords, toks: Token[], phrases: Phrase[], at?: { index: DocIndex; s: number }): SentenceCasualties {
  const out: SentenceCasualties = { casualties: { killed: null, injured: null, captured: null }, shot: null, word: null, known: false, also: false };
  const c = out.casualties;
  let deadAmongShot = false;
  const counts = withoutApposed(toks, peopleCounts(doc, words, toks, phrases, at));
  const starts = new Set(counts.map((x) => x.first));
  for (const group of coordinated(toks, counts)) {
    const head = group[0]!;
    if (isSubset(toks, head.first)) continue;
    const tail = group[group.length - 1]!;
    const found = head.fate ? { fate: head.fate, word: head.first } : diedInRelative(toks, tail.last) ?? fateOf(toks, head, tail, words, starts);
    // ("three children died of cholera": no one's victims)
    if (!found || (found.fate === 'killed' && naturalCauseAfter(toks, found.word, words.casualty))) continue;
    const { fate } = found;
    // "4 PKK militants were killed; 1 Turkish soldier also died": the other side's dead, added
    const more = fate !== 'shot' && c[fate] !== null && alsoBefore(toks, found.word);
    if ((fate === 'shot' ? out.shot !== null : c[fate] !== null) && !more) continue;
    const value = apposed(toks, group) ? head.value : group.reduce((n, x) => n + x.value, 0);
    if (fate === 'shot') out.shot = value;
    else c[fate] = (more ? c[fate]! : 0) + value;
    if (fate === 'killed') deadAmongShot = !!head.partOf || !!head.known;
    if (out.word === null) out.also = alsoBefore(toks, found.word);
    out.word ??= found.word;
    out.known ||= !!head.known;
  }
  // "a double shooting", "a triple homicide": the incident's noun counts its victims, where no count does
  const multiple = multipleVictims(toks);
  if (multiple && (multiple.fate === 'killed' ? c.killed === null : out.shot === null && c.killed === null && c.injured === null)) {
    if (multiple.fate === 'killed') c.killed = multiple.value;
    else out.shot = multiple.value;
    if (out.word === null) out.also = alsoBefore(toks, multiple.word);
    out.word ??= multiple.word;
  }
  if (out.shot !== null && c.killed !== null && !deadAmongShot) {
    c.injured ??= out.shot;
    out.shot = null;
  }
  return out;
}

/** "shot Jose Gonzalez, who died Monday", "…, who later succumbed to his wounds": a relative clause right after the people that says they died. */
function diedInRelative(toks: Token[], last: number): Found | null {
  if (toks[last + 1]?.text !== ',' || !/^(who|whom)$/.test(toks[last + 2]?.lower ?? '')) return null;
  let i = last + 3;
  while (/^(later|then|subsequently|eventually|also|had|has|have|both|all)$/.test(toks[i]?.lower ?? '')) i++;
  if (/^(died|dies|succumbed)$/.test(toks[i]?.lower ?? '')) return { fate: 'killed', word: i };
  return /^(was|were)$/.test(toks[i]?.lower ?? '') && /^(killed|pronounced)$/.test(toks[i + 1]?.lower ?? '') ? { fate: 'killed', word: i + 1 } : null;
}

/** How many victims "double", "triple" … before an incident's noun tells. */
const MULTIPLE: Readonly<Record<string, number>> = { double: 2, triple: 3, quadruple: 4, quintuple: 5 };
/** Nouns of an incident whose victims died, and of one whose victims were shot (killed or wounded, the article may tell). */
const DEADLY_INCIDENT = /^(homicides?|murders?|killings?|slayings?)$/;
const SHOOTING_INCIDENT = /^shootings?$/;

/** "a double shooting" (two shot), "a triple homicide" (three dead), "a double-murder": the victims its noun counts. */
function multipleVictims(toks: Token[]): (Found & { value: number }) | null {
  for (let i = 0; i < toks.length; i++) {
    const [first, rest] = toks[i]!.lower.split('-', 2);
    const value = MULTIPLE[first!];
    if (value === undefined) continue;
    const word = rest !== undefined ? i : toks[i + 1]?.text === '-' ? i + 2 : i + 1; // "double-murder" in one token or three
    const noun = rest ?? toks[word]?.lower ?? '';
    if (DEADLY_INCIDENT.test(noun)) return { fate: 'killed', word, value };
    if (SHOOTING_INCIDENT.test(noun)) return { fate: 'shot', word, value };
  }
  return null;
}

/** Nouns of a kind of people that the people named after them may spell out: "2 civilians, a woman and her son". */
const KIND_OF_PEOPLE = /^(people|persons|civilians|residents|villagers|children|members|relatives|victims)$/;

/**
 * "4 people, the bomber and 3 soldiers, were killed": the people set off by commas between a
 * count of a kind of people and its verb are who they were, not more victims; their counts are
 * left out.
 */
function withoutApposed(toks: Token[], counts: PeopleCount[]): PeopleCount[] {
  const apposed = new Set<PeopleCount>();
  const out: PeopleCount[] = [];
  for (const head of counts) {
    out.push(head);
    if (head.value < 2 || !KIND_OF_PEOPLE.test(toks[head.last]!.lower) || toks[head.last + 1]?.text !== ',') continue;
    let close = head.last + 2;
    while (close < toks.length && close <= head.last + 14 && toks[close]!.text !== ',' && toks[close]!.pos !== 'VERB' && toks[close]!.pos !== 'AUX') close++;
    if (toks[close]?.text !== ',' || !/^(?:AUX|VERB)$/.test(toks[close + 1]?.pos ?? '')) continue;
    for (const c of counts) if (c.first > head.last && c.last < close) apposed.add(c);
    out[out.length - 1] = { ...head, through: close };
  }
  return out.filter((c) => !apposed.has(c));
}

/**
 * "killing 2 civilians, a woman and her teenage son": the people after a count of a kind of
 * people and a comma are who they were, when there are as many of them, not more victims ("2
 * soldiers, a policeman and a civilian" are four).
 */
function apposed(toks: Token[], group: PeopleCount[]): boolean {
  const [head, ...rest] = group;
  if (!head || rest.length < 2 || head.value < 2 || !KIND_OF_PEOPLE.test(toks[head.last]!.lower)) return false;
  if (toks.slice(head.last + 1, rest[0]!.first).some((t) => t.lower === 'and')) return false;
  return rest.reduce((n, x) => n + x.value, 0) === head.value;
}

/** "also killed a neighbor", "was also shot": "also" in the few words before the casualty word. */
function alsoBefore(toks: Token[], word: number): boolean {
  for (let i = word - 1; i >= 0 && i >= word - 4; i--) {
    if (toks[i]!.lower === 'also') return true;
    if (/^[,;:]$/.test(toks[i]!.text)) return false;
  }
  return false;
}

/**
 * The casualty word that governs a count: the verb it is the object of, else the one its last
 * member is the subject of. A name, "the man" or "him" is the object of a casualty verb done
 * ("killing Jamal Berry", "shooting the man", "killed him"), never of another verb's nor of one
 * in its base form ("kill him"); "he" and a headline's noun are subjects only; "him" no subject.
 */
function fateOf(toks: Token[], head: PeopleCount, tail: PeopleCount, words: CasualtyWords, starts: Set<number>): Found | null {
  const verb = head.headline || /^(he|she)$/.test(toks[head.first]!.lower) ? undefined : governingVerb(toks, head.first, words);
  // one told before as the object of a deed done, not of one wished or threatened ("to go ahead and kill him")
  const word = verb ? toks[verb.word]! : undefined;
  const done = !!word && (word.lower !== word.lemma || /(ed|ing|shot)$/.test(word.lower));
  if (head.objectOnly) return done && verb ? verb : null;
  if (head.subjectOnly && !done) return predicate(toks, tail.last, words, !tail.subjectOnly, starts, !!head.headline);
  return verb === undefined ? predicate(toks, tail.through ?? tail.last, words, !tail.subjectOnly, starts, !!head.headline) : verb;
}

/** What happened to a count's people, and the token of the word that says so. */
interface Found {
  fate: Fate;
  word: number;
}

/**
 * Counts joined as one ("Stephens, 32, and Paul Rayer, 51", "his five children as well as his
 * wife", "a man and a woman"): runs of counts with only commas, ages and "and" or "as well as"
 * between them, the last join an "and". Every other count stands alone.
 */
function coordinated(toks: Token[], counts: PeopleCount[]): PeopleCount[][] {
  const groups: PeopleCount[][] = [];
  let run: PeopleCount[] = [];
  const close = () => {
    if (run.length > 1 && !joinHasAnd(toks, run[run.length - 2]!, run[run.length - 1]!)) groups.push(...run.map((c) => [c]));
    else if (run.length) groups.push(run);
    run = [];
  };
  for (const c of counts) {
    const prev = run[run.length - 1];
    if (prev && !joins(toks, prev, c)) close();
    run.push(c);
  }
  close();
  return groups;
}

const JOIN = /^(,|and|as|well|both)$/;

function joins(toks: Token[], a: PeopleCount, b: PeopleCount): boolean {
  if (b.first <= a.last + 1) return false;
  for (let i = a.last + 1; i < b.first; i++) {
    const t = toks[i]!;
    const age = /^\d{1,3}$/.test(t.text) && toks[i - 1]?.text === ',' && toks[i + 1]?.text === ',';
    if (!JOIN.test(t.lower) && !age) return false;
  }
  return true;
}

function joinHasAnd(toks: Token[], a: PeopleCount, b: PeopleCount): boolean {
  return toks.slice(a.last + 1, b.first).some((t) => t.lower === 'and' || t.lower === 'well');
}

/** Counted people in a sentence: "12 civilians", "a Palestinian man", "her husband", a name, "he", and bare numbers next to a casualty word ("killing two", "30 wounded"). */
function peopleCounts(doc: Doc, words: CasualtyWords, toks: Token[], phrases: Phrase[], at?: { index: DocIndex; s: number }): PeopleCount[] {
  const counts: PeopleCount[] = [];
  for (const p of phrases) {
    // "two brothers": a counted victim noun of local news is a count of people too
    if (!p.quantity || (p.kind !== 'people' && !words.victimNouns.has(toks[p.last]!.lemma))) continue;
    const q = at ? at.index.quantity(p.quantity) : doc.quantities.find((x) => x.id === p.quantity);
    if (q && q.value !== null && Number.isInteger(q.value)) counts.push({ first: p.first, last: p.last, value: q.value });
  }
  // members of a named armed group, counted: "5 Taliban and 2 soldiers were killed", "12 Houthis"
  for (const p of phrases) {
    const n = toks[p.first - 1];
    if (p.entityType !== 'ARMED_GROUP' || !n || n.pos !== 'NUM' || covers(counts, p.first - 1)) continue;
    const value = /^\d+$/.test(n.text) ? Number(n.text) : numberWordValue(n.lower);
    if (value !== null && value !== undefined && Number.isInteger(value)) counts.push({ first: p.first - 1, last: p.last, value });
  }
  // a named person: "Ronald Munn, 28, was shot" (only as the subject of a casualty verb, below)
  for (const p of phrases) {
    if (p.entityType === 'PERSON' && !covers(counts, p.first)) counts.push({ first: p.first, last: p.last, value: 1, subjectOnly: true });
  }
  counts.push(...familiesCounted(toks, counts));
  counts.push(...singlePeople(words, toks, counts));
  counts.push(...bareNumbers(doc, words, toks, counts, at));
  return counts.sort((a, b) => a.first - b.first);
}

/** "killing a family of seven", "two families of five": the members a family is counted by. */
function familiesCounted(toks: Token[], counts: PeopleCount[]): PeopleCount[] {
  const out: PeopleCount[] = [];
  for (let i = 0; i < toks.length; i++) {
    // ("two families" counted as a quantity gives way to its members)
    const counted = counts.findIndex((c) => c.last === i);
    if (!/^famil(y|ies)$/.test(toks[i]!.lower) || toks[i + 1]?.lower !== 'of' || (counted < 0 && covers(counts, i))) continue;
    const n = toks[i + 2];
    const members = !n ? null : /^\d+$/.test(n.text) ? Number(n.text) : numberWordValue(n.lower);
    if (!members || !Number.isInteger(members)) continue;
    // two families of five are ten
    const before = toks[i - 1];
    const families = /^families$/.test(toks[i]!.lower) ? (before && /^\d+$/.test(before.text) ? Number(before.text) : numberWordValue(before?.lower ?? '') ?? null) : 1;
    if (!families) continue;
    const first = before && (/^(a|the|one|his|her|their|its)$/.test(before.lower) || families > 1) ? i - 1 : i;
    if (counted >= 0) counts.splice(counted, 1);
    out.push({ first, last: i + 2, value: members * families });
  }
  return out;
}

const isVictim = (words: CasualtyWords, w: string) => words.people.has(w) || words.victimNouns.has(w);

/**
 * One person, told without a number: "killed a Palestinian man", "a 22-year-old Summerville man
 * was shot", "the victim died", "shot her husband"; "he died", "the man died" and "shot him"
 * (one told before); "killed himself", "took his own life"; and the bare noun a headline
 * opens with ("Man shot, killed on west side").
 */
function singlePeople(words: CasualtyWords, toks: Token[], counts: PeopleCount[]): PeopleCount[] {
  const out: PeopleCount[] = [];
  const free = (i: number) => !covers(counts, i) && !covers(out, i);
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.lower;
    if (!free(i)) continue;
    if (/^(he|she)$/.test(w)) out.push({ first: i, last: i, value: 1, subjectOnly: true, known: true });
    else if (w === 'him' || (w === 'her' && !/^(ADJ|NOUN|PROPN|NUM)$/.test(toks[i + 1]?.pos ?? ''))) out.push({ first: i, last: i, value: 1, objectOnly: true, known: true });
    else if (/^(himself|herself)$/.test(w)) out.push({ first: i, last: i, value: 1 });
    else if (/^(took|take|takes|taking)$/.test(toks[i - 1]?.lower ?? '') && /^(his|her)$/.test(w) && toks[i + 1]?.lower === 'own' && toks[i + 2]?.lower === 'life') out.push({ first: i, last: i + 2, value: 1, fate: 'killed' });
    else if (/^(a|an|one|the|his|her|their|its|my|our|your)$/.test(w)) {
      let k = i + 1;
      while (k < toks.length && k <= i + 8 && !isVictim(words, toks[k]!.lower) && (/^(ADJ|PROPN|NOUN|NUM)$/.test(toks[k]!.pos) || toks[k]!.text === '-')) k++;
      const head = toks[k];
      const singular = !!head && head.lemma === head.lower && !covers(counts, k);
      if (singular && isVictim(words, head.lower)) out.push({ first: i, last: k, value: 1, subjectOnly: w === 'the', known: w === 'the' });
    } else if (opensHeadline(words, toks, i)) out.push({ first: i, last: i, value: 1, subjectOnly: true, headline: true });
  }
  return out;
}

/**
 * "Man shot, killed on west side", "Girl shot at party dies": a headline's bare singular noun
 * before a casualty word that tells what befell it. Not a plural ("Gunmen abducted", whatever
 * the lemma says of "gunmen"), nor the subject of a deed done to others ("Gunman kills three",
 * "Bandit abducted a farmer": an object after the verb).
 */
function opensHeadline(words: CasualtyWords, toks: Token[], i: number): boolean {
  const t = toks[i]!;
  if ((i > 0 && !/^[:|]$/.test(toks[i - 1]!.text)) || !/^\p{Lu}/u.test(t.text) || !isVictim(words, t.lower) || /[^s]s$/.test(t.lower) || t.lemma !== t.lower) return false;
  const next = toks[i + 1]?.lower ?? '';
  const object = toks[i + 2];
  if (object && (/^(NUM|DET|PRON)$/.test(object.pos) || /^(\d|more|dozens|scores|hundreds|thousands)/.test(object.lower))) return false;
  return /^(shot|shoots|gunned|fatally|accidentally)$/.test(next) || words.casualty.has(next) || words.careStates.has(next);
}

/** Bare numbers next to a casualty word: "killing two", "30 wounded", "one fatally"; not "three blocks" nor "three days" (a number of things or of time). */
function bareNumbers(doc: Doc, words: CasualtyWords, toks: Token[], counts: PeopleCount[], at?: { index: DocIndex; s: number }): PeopleCount[] {
  const out: PeopleCount[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (covers(counts, i)) continue;
    if (t.pos !== 'NUM' && !/^\d[\d,]*$/.test(t.text)) continue;
    if (t.lower === 'one' && toks[i - 1]?.lower === 'no') continue; // "with no one hurt": nobody
    if (ageEnd(toks, i) >= 0) continue; // "killed 10-year-old Kathina": an age
    if (isDayOfMonth(toks, i) || (at ? at.index.insideDate(at.s, t.start, t.end) : doc.entities.some((e) => e.type === 'DATE' && e.mentions.some((m) => m.start <= t.start && m.end >= t.end)))) continue;
    const value = Number(t.text.replace(/,/g, '')) || numberWordValue(t.lower);
    if (!value || !Number.isInteger(value)) continue; // people are counted in whole numbers
    const next = toks[i + 1];
    if (next && /^(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|times)$/.test(next.lower)) continue; // "shot to death three days after"
    if (next && /^(19|20)\d\d$/.test(t.text) && next.pos === 'NOUN' && !isVictim(words, next.lower)) continue; // "the 2019 killing": a year
    const things = !!next && next.pos === 'NOUN' && !isVictim(words, next.lower) && !words.casualty.has(next.lower) && !/^(others|more)$/.test(next.lower); // "about three blocks"
    if (next?.lower === 'fatally') out.push({ first: i, last: i + 1, value, fate: 'killed', partOf: true });
    // ("neutralised 12 drones": a verb that kills people or destroys things counts people only)
    else if ((casualtyAt(toks, i - 1, words, 'object') && !(things && THINGS_TOO.test(toks[i - 1]!.lower))) || (!things && (/^(least|than|about|nearly|some|to|another|further|additional)$/.test(toks[i - 1]?.lower ?? '') || casualtyAt(toks, i + 1, words, 'subject') || /^(people|others|more)$/.test(next?.lower ?? '')))) {
      out.push({ first: i, last: i, value, partOf: true });
    }
  }
  return out;
}

/**
 * Counted people at tokens first…last. `subjectOnly`: a name, "the man" or "he", which counts
 * as the subject of a casualty verb, or the object of one but of no other verb; `objectOnly`:
 * "him", "her", the object of a casualty verb only; `known`: told before ("the victim", "he"); `partOf`:
 * a bare number, often some of those told ("one died", "killing two"); `fate`: what the words
 * themselves say ("took his own life"); `headline`: a headline's bare noun, whose verb has no
 * auxiliary ("Man shot").
 */
interface PeopleCount {
  first: number;
  last: number;
  value: number;
  subjectOnly?: boolean;
  objectOnly?: boolean;
  known?: boolean;
  partOf?: boolean;
  fate?: Fate;
  headline?: boolean;
  /** the comma that closes the people named after the count ("4 people, the bomber and 3 soldiers,") */
  through?: number;
}

/** Casualty verbs that also destroy things ("neutralised 20 fighters", "neutralised two drones"). */
const THINGS_TOO = /^neutrali[sz](e|ed|es|ing)$/;

const QUANTIFIER = /^(at|least|most|more|than|about|around|nearly|almost|some|up|to|over|another|further|roughly|approximately|an|estimated)$/;

/** "including three children", "among them two medics": part of a count already made. */
function isSubset(toks: Token[], first: number): boolean {
  for (let i = first - 1; i >= 0 && i >= first - 3; i--) {
    const w = toks[i]!.lower;
    if (/^(including|includes|included|among)$/.test(w)) return true;
    if (!QUANTIFIER.test(w) && w !== 'them') return false;
  }
  return false;
}

/**
 * The verb a count is the object of: "killed 12", "wounding at least 30", "shot her
 * husband"; null when another verb governs it ("displaced 5,000"), which makes it no
 * casualty count; undefined when no verb does, or when "left", "saw" or "found" does ("left four
 * people dead", "found a man with a gunshot wound": the words after the count tell).
 */
function governingVerb(toks: Token[], first: number, words: CasualtyWords): Found | null | undefined {
  let i = first - 1;
  while (i >= 0 && (QUANTIFIER.test(toks[i]!.lower) || /^(his|her|their|its|my|our|your|"|“|')$/.test(toks[i]!.lower))) i--; // "killed his three children", killed "dozens of terrorists"
  const age = [i - 4, i - 3, i - 2].find((k) => k >= 0 && ageEnd(toks, k) === i + 1);
  if (age !== undefined) i = age - 1; // "killed 10-year-old Kathina Thomas"
  if (i < 0) return undefined;
  if ((toks[i]!.lower === 'down' || (toks[i]!.lower === 'dead' && toks[i - 1]?.lower === 'shot')) && i > 0) i--; // "gunned down 6 residents", "shot dead two men"
  // "the capture of 25 soldiers", "the deaths of 12 civilians", "the shooting of a man"
  const ofNoun = toks[i]!.lower === 'of' ? casualtyAt(toks, i - 1, words, 'object') : null;
  if (ofNoun) return { fate: ofNoun, word: i - 1 };
  const key = casualtyAt(toks, i, words, 'object');
  if (key) return { fate: key, word: i };
  return toks[i]!.pos === 'VERB' && !SAYING.test(toks[i]!.lower) && !SEE_OR_LEAVE.test(toks[i]!.lower) ? null : undefined;
}

/** Verbs of saying and finding, after which a count is the subject of what follows ("IS claimed responsibility, saying 5 soldiers were killed"). */
const SAYING = /^(say|said|says|saying|report|reported|reports|reporting|claim|claimed|claims|claiming|add|added|adding|confirm|confirmed|confirming|state|stated|stating|tell|told|tells|announce|announced|announcing|note|noted|noting|were|was|found|find|finds)$/;

/**
 * The casualty word a count is the subject of: "were killed", "was shot and killed", "died",
 * "30 wounded" (`adjacent`: a count right before the word), "left six people dead", "Man
 * shot" (`headline`). Another count in between ends the search; a bare number of things does
 * not ("a man wielding two handguns was shot"). The shot who died in the same clause are
 * killed ("was shot and later died"); so are those in care who died ("was taken to a hospital
 * in critical condition, where he died").
 */
function predicate(toks: Token[], last: number, words: CasualtyWords, adjacent: boolean, starts: Set<number>, headline: boolean): Found | null {
  for (let i = last + 1; i < toks.length && i <= last + 8; i++) {
    const w = toks[i]!.lower;
    const age = toks[i - 1]?.text === ',' && toks[i + 1]?.text === ','; // "Ronald Munn, 28, was shot"
    if (w === '.' || w === ';' || (starts.has(i) && !isSubset(toks, i) && !age)) return null;
    const key = casualtyAt(toks, i, words, headline && i === last + 1 ? 'headline' : 'subject');
    if (!key) continue;
    // "A man shot and killed two women": the verb right after the count has an object, so the count did it
    if (i === last + 1 && takesObject(toks, i, starts)) return null;
    if (key === 'shot') return { fate: diedAfter(toks, i, starts), word: i };
    if (i === last + 1 && (adjacent || headline)) return { fate: key, word: i }; // "30 wounded", "12 dead" (a name before a verb is its subject: "Bandits kidnapped")
    const prev = auxBefore(toks, i);
    // "were trapped, wounded and left": the auxiliary before the list's first participle
    const listed = participleListStart(toks, i);
    // ("were reported killed", "are believed dead": the report's verb stands between)
    const reported = REPORTED.test(prev) && PASSIVE_BEFORE.test(auxBefore(toks, i - 1));
    const passive = PASSIVE_BEFORE.test(prev) || reported || (prev === 'and' && !!casualtyAt(toks, i - 2, words, 'subject')) || (listed < i && PASSIVE_BEFORE.test(auxBefore(toks, listed)));
    // (an intransitive death: "died", "also died", "lost their lives")
    if (passive || /^(died|dies|die|dead|lost|lose|loses|losing)$/.test(w)) return { fate: key, word: i };
    return null;
  }
  return null;
}

/** Verbs of report between a passive's auxiliary and its participle: "were reported killed". */
const REPORTED = /^(reported|reportedly|believed|confirmed|feared|said|presumed|thought)$/;

const PASSIVE_BEFORE = /^(was|were|been|being|is|are|got|get|left|fatally|critically|seriously|badly|slightly|mortally|found)$/;

/** Whether the casualty verb at i ("shot", "shot and killed", "shot dead") goes on to an object: a count, a determiner or a pronoun. */
function takesObject(toks: Token[], i: number, starts: Set<number>): boolean {
  let j = i + 1;
  if (/^(dead|down)$/.test(toks[j]?.lower ?? '')) j++;
  if (toks[j]?.lower === 'and' && /(ed|shot)$/.test(toks[j + 1]?.lower ?? '')) j += 2;
  const t = toks[j];
  return !!t && (starts.has(j) || t.pos === 'DET' || (t.pos === 'PRON' && /^(him|her|them|me|us)$/.test(t.lower)));
}

/** The word before token i, past up to two adverbs: "was accidentally shot", "was subsequently shot and killed". */
function auxBefore(toks: Token[], i: number): string {
  let j = i - 1;
  while (j > i - 3 && j > 0 && toks[j]!.pos === 'ADV' && !/^(fatally|critically|seriously|badly|slightly|mortally)$/.test(toks[j]!.lower)) j--;
  return toks[j]?.lower ?? '';
}

/** After "was shot": "killed" when the clause goes on to say the shot died ("was shot and later died", "Girl shot at party dies"), else "shot". */
function diedAfter(toks: Token[], shotAt: number, starts: Set<number>): Fate {
  for (let i = shotAt + 1; i < toks.length && i <= shotAt + 8; i++) {
    const w = toks[i]!.lower;
    if (w === '.' || w === ';' || starts.has(i)) break;
    if (/^(died|dies)$/.test(w)) return 'killed';
  }
  return 'shot';
}

/**
 * The casualty a word names: "killed", "wounded", "captured"; and "shot", which is killed in
 * "shot dead", "shot and killed", "fatally shot", "gunned down", else `shot`: as the verb of an
 * object ("shot her husband", "the shooting of a man"), of a headline's noun ("Man shot"), or
 * as a passive ("was shot", "was found shot"); not "shot at" nor "shot down". Hit, with the
 * fate left open like "shot": "a gunshot wound", "in critical condition", "is hospitalized",
 * "Man critical after …" (a care state, as a subject).
 */
function casualtyAt(toks: Token[], i: number, words: CasualtyWords, role: 'subject' | 'object' | 'headline'): Fate | null {
  const t = toks[i];
  if (!t) return null;
  if (/^(shot|gunned)$/.test(t.lower) || (role === 'object' && /^(shoot|shoots|shooting)$/.test(t.lower))) {
    const next = toks[i + 1]?.lower ?? '';
    const after = toks[i + 2]?.lower ?? '';
    const before = toks[i - 1]?.lower ?? '';
    if (next === 'dead' || (next === 'to' && after === 'death') || (/^(and|,)$/.test(next) && /^(killed|died)$/.test(after)) || /^(fatally|fatal)$/.test(before) || (t.lower === 'gunned' && next === 'down')) return 'killed';
    // "three people were shot and wounded": the shot are the wounded, whatever a later sentence counts
    if (/^(and|,)$/.test(next) && /^(wounded|injured)$/.test(after)) return 'injured';
    if (next === 'down' || next === 'at') return null;
    if (role !== 'subject') return 'shot';
    return /^(was|were|been|being|is|are|got|found)$/.test(auxBefore(toks, i)) ? 'shot' : null;
  }
  // "was stabbed to death", "beat a suspected thief to death"; not "sentenced to death"
  if (TO_DEATH_VERBS.test(t.lower) && toDeathAfter(toks, i)) return 'killed';
  if (/^wounds?$/.test(t.lower) && toks[i - 1]?.lower === 'gunshot') return 'shot';
  // "two soldiers also lost their lives"
  if (/^(lost|lose|loses|losing)$/.test(t.lower) && /^(his|her|their|its)$/.test(toks[i + 1]?.lower ?? '') && /^li(fe|ves)$/.test(toks[i + 2]?.lower ?? '')) return 'killed';
  if (role !== 'object' && (words.careStates.has(t.lower) || (t.lower === 'condition' && words.conditions.has(toks[i - 1]?.lower ?? '')))) return 'shot';
  return words.casualty.get(t.lower) ?? null;
}

/** Verbs of violence that "to death" after them (or after their object) makes a killing. */
const TO_DEATH_VERBS = /^(beat|beats|beaten|beating|stab|stabs|stabbed|stabbing|hack|hacks|hacking|hacked|stoned|clubbed|bludgeoned|burned|burnt|tortured|trampled|kicked|strangled|choked|lynched)$/;

/** "to death" closing the clause after token i, within a few words. */
function toDeathAfter(toks: Token[], i: number): boolean {
  for (let k = i + 1; k < toks.length && k <= i + 8; k++) {
    if (/^[.;,:]$/.test(toks[k]!.text)) return false;
    if (toks[k]!.lower === 'to' && toks[k + 1]?.lower === 'death') return true;
  }
  return false;
}

function covers(counts: ReadonlyArray<{ first: number; last: number }>, i: number): boolean {
  for (const c of counts) if (c.first <= i && c.last >= i) return true;
  return false;
}
