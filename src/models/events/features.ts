// Features of an event candidate (a trigger word the lexicon proposed) for the event
// classifier: what the word is and which sense its neighbours point to, and the cues of
// modality in its sentence (modals, negation, purpose "to", conditionals, attribution, denial,
// attempts, plans, habits and tolls), which of those cues governs the trigger (scopeFeatures),
// the words that tell another sense (sport, natural causes of death: senseFeatures), with the
// numbers, places, dates and actors around it. Pure functions of a CandidateContext, which contextFromDoc builds from a processed Doc.
import type { Doc, Entity } from '../../doc.js';
import type { DocIndex } from '../../stages/events/doc-index.js';
import { senseCues } from '../../lexicons/load.js';
import { isMonthMay } from '../../text.js';

export interface CandidateToken {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
}

export interface CandidateContext {
  /** the tokens of the candidate's sentence */
  tokens: CandidateToken[];
  /** the trigger's first and last token in tokens */
  first: number;
  last: number;
  /** the types the trigger lexicon proposes, most specific first */
  proposed: string[];
  /** entities (by type), quantities (QUANTITY, with value) and people nouns near the candidate, as token ranges */
  marks: Array<{ first: number; last: number; kind: string; value?: number | null }>;
  /** what the article is about: lemmas of the nouns and verbs of its first sentences */
  topic?: string[];
}

const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'must', 'can', 'shall', "'ll", 'wo', 'ca', "'d"]);
/** A modal verb, not the month of "On 3 May". */
const isModal = (t: CandidateToken): boolean => MODALS.has(t.lower) && !isMonthMay(t);
const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'without', 'nobody', 'none', 'neither', 'nor', 'nothing', 'nowhere']);
const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'am', 'be', 'been', 'being', 'has', 'have', 'had', 'having', 'will', 'did', 'does', 'do', 'get', 'got', "'s", "'re", "'ve"]);
const ATTRIBUTION = new Set(['say', 'tell', 'claim', 'report', 'announce', 'allege', 'accuse', 'confirm', 'state', 'add', 'insist', 'assert', 'write', 'post', 'according', 'quote', 'cite', 'believe', 'suspect', 'acknowledge', 'admit']);
/**
 * Forms of the reporting verbs whatever part of speech wink gives them: "police alleged" and
 * "officials said" at the end of a sentence are sometimes tagged ADJ or NOUN.
 */
const REPORTING_FORMS = new Set(['said', 'says', 'say', 'told', 'tells', 'claimed', 'claims', 'alleged', 'alleges', 'allege', 'reported', 'announced', 'added', 'stated', 'confirmed', 'insisted', 'admitted', 'acknowledged', 'wrote', 'posted', 'tweeted']);
/** Words that hedge an event as what others say: "allegedly shot", "the reported attack", "accused of stabbing", "reports of shelling". */
const HEDGES = new Set(['allegedly', 'reportedly', 'purportedly', 'supposedly', 'alleged', 'reported', 'purported', 'suspected', 'accused', 'apparently', 'unconfirmed', 'reports', 'rumoured', 'rumored']);
const DENIAL = new Set(['deny', 'reject', 'dismiss', 'refute', 'false', 'fake', 'untrue', 'baseless', 'rumour', 'rumor', 'contradict', 'debunk', 'alive']);
const ATTEMPT = new Set(['avoid', 'avert', 'prevent', 'thwart', 'foil', 'stop', 'attempt', 'try', 'fail', 'intercept', 'repel', 'block', 'forestall', 'halt', 'abort', 'attempted', 'would-be', 'bid']);
const FUTURE = new Set(['ahead', 'expect', 'plan', 'upcoming', 'next', 'threaten', 'vow', 'prepare', 'imminent', 'schedule', 'tomorrow', 'soon', 'intend', 'promise', 'pledge', 'warn', 'looming', 'coming', 'prospect', 'possible', 'potential', 'likely', 'would-be', 'order', 'call', 'urge', 'demand', 'seek', 'want', 'aim']);
const CONDITION = new Set(['if', 'unless', 'whether', 'should', 'lest', 'case', 'otherwise']);
const GENERIC = new Set(['often', 'regularly', 'usually', 'frequently', 'every', 'since', 'daily', 'routinely', 'occasional', 'occasionally', 'repeated', 'repeatedly', 'constant', 'sometimes', 'typically', 'generally', 'always', 'years', 'decades', 'months', 'ongoing', 'continue', 'war', 'conflict', 'campaign', 'against', 'total', 'toll', 'overall', 'altogether', 'annual', 'rate', 'number']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'that', 'its', 'their', 'his', 'her', 'our', 'such', 'another', 'any', 'no', 'each', 'every']);
const QUOTES = /^["“”«»]$/;
const CLAUSE_BREAK = /^[;:()—–]$/;

/** The features of a candidate for the type and modality decisions. */
export function eventFeatures(ctx: CandidateContext): string[] {
  const f = contextFeatures(ctx);
  const { tokens, first, last, proposed, marks } = ctx;
  const lemma = triggerLemma(ctx);
  for (const p of proposed) f.push(`prop=${p}`);
  if (proposed[0]) f.push(`prop0=${proposed[0]}`, `prop0|pos=${proposed[0]}|${tokens[first]!.pos}`);
  if (proposed.length > 1) f.push(`props=${proposed.slice(0, 3).join('+')}`);
  // who and what stand around it: actors, places, weapons, dates, counts
  for (const m of marks) {
    const before = m.last < first;
    const gap = before ? first - m.last : m.first - last;
    if (m.first <= last && m.last >= first) {
      f.push(`in_mark=${m.kind}`);
      continue;
    }
    if (gap > 8) continue;
    f.push(`${before ? 'mb' : 'ma'}=${m.kind}`);
    if (gap <= 3) f.push(`${before ? 'mb3' : 'ma3'}=${m.kind}`, `lem|${before ? 'mb3' : 'ma3'}=${lemma}|${m.kind}`);
    if (m.kind === 'QUANTITY' && typeof m.value === 'number') f.push(`qty=${m.value >= 1000 ? 'thousands' : m.value >= 100 ? 'hundreds' : m.value > 1 ? 'few' : 'one'}`);
  }
  for (const w of ctx.topic ?? []) f.push(`topic=${w}`);
  const kinds = new Set(marks.map((m) => m.kind));
  for (const k of kinds) f.push(`s_mark=${k}`);
  return f;
}

/**
 * Features any predicate has, whatever the lexicon says of it: the word, its neighbours and
 * the modality cues of its sentence. The factuality model learns from these alone.
 */
export function contextFeatures(ctx: CandidateContext): string[] {
  const { tokens, first, last } = ctx;
  const f: string[] = ['bias'];
  const t = tokens[first]!;
  const end = tokens[last]!;
  const lemma = triggerLemma(ctx);
  const at = (i: number) => tokens[i];
  const lem = (i: number) => at(i)?.lemma ?? (i < 0 ? '<s>' : '</s>');
  const pos = (i: number) => at(i)?.pos ?? (i < 0 ? '<s>' : '</s>');
  f.push(`lem=${lemma}`, `low=${tokens.slice(first, last + 1).map((x) => x.lower).join('_')}`, `pos=${t.pos}`, `lem|pos=${lemma}|${t.pos}`);
  if (last > first) f.push('phrase');
  const suffix = /ing$/.test(end.lower) ? 'ing' : /(ed|en)$/.test(end.lower) ? 'ed' : /s$/.test(end.lower) ? 's' : 'base';
  f.push(`suf=${suffix}`, `pos|suf=${t.pos}|${suffix}`, `lem|suf=${lemma}|${suffix}`);
  if (/^\p{Lu}/u.test(t.text) && first > 0) f.push('capitalised');
  // the neighbourhood: words and parts of speech either side
  f.push(`p1=${lem(first - 1)}`, `p2=${lem(first - 2)}`, `n1=${lem(last + 1)}`, `n2=${lem(last + 2)}`);
  f.push(`p1pos=${pos(first - 1)}`, `n1pos=${pos(last + 1)}`, `p2pos|p1pos=${pos(first - 2)}|${pos(first - 1)}`, `p1pos|n1pos=${pos(first - 1)}|${pos(last + 1)}`);
  f.push(`lem|p1=${lemma}|${lem(first - 1)}`, `lem|n1=${lemma}|${lem(last + 1)}`, `lem|n1pos=${lemma}|${pos(last + 1)}`, `lem|p1pos=${lemma}|${pos(first - 1)}`);
  // the noun it governs or modifies: "heart sank", "hit song", "detention centre", "supply lines"
  const nextNoun = findIndex(tokens, last + 1, Math.min(tokens.length, last + 5), (x) => x.pos === 'NOUN' || x.pos === 'PROPN');
  if (nextNoun >= 0) f.push(`nn=${lem(nextNoun)}`, `lem|nn=${lemma}|${lem(nextNoun)}`);
  const prevNoun = findLastIndex(tokens, Math.max(0, first - 4), first, (x) => x.pos === 'NOUN' || x.pos === 'PROPN');
  if (prevNoun >= 0) f.push(`pn=${lem(prevNoun)}`, `lem|pn=${lemma}|${lem(prevNoun)}`);
  const prev = at(first - 1);
  if (prev && DETERMINERS.has(prev.lower)) f.push(`det=${prev.lower}`, `lem|det=${lemma}|${prev.lower === 'the' ? 'the' : 'other'}`);
  if (last + 1 < tokens.length && at(last + 1)!.pos === 'NOUN' && t.pos !== 'VERB') f.push('noun_modifier');
  // the clause before the trigger: modals, negation, auxiliaries and governing verbs
  const clauseStart = clauseStartOf(tokens, first);
  for (let i = first - 1; i >= clauseStart && i >= first - 6; i--) {
    const w = tokens[i]!;
    if (isModal(w)) f.push(`modal=${w.lower}`, 'modal');
    if (NEGATIONS.has(w.lower)) f.push(`neg=${w.lower}`, 'neg');
    if (AUXILIARIES.has(w.lower) && first - i <= 3) f.push(`aux=${w.lower}`);
    if (w.pos === 'VERB' && first - i <= 4) f.push(`gv=${w.lemma}`);
    if (ATTEMPT.has(w.lemma) || ATTEMPT.has(w.lower)) f.push(`attempt=${w.lemma}`, 'attempt');
    if (FUTURE.has(w.lemma)) f.push(`fut_b=${w.lemma}`, 'fut_b');
    if (DENIAL.has(w.lemma)) f.push(`deny_b=${w.lemma}`, 'deny_b');
  }
  if (NEGATIONS.has(tokens[last + 1]?.lower ?? '')) f.push('neg_after');
  // "to attack": a purpose or an aim, and what governs it ("trained to", "tried to", "plans to")
  if (prev?.lower === 'to') {
    f.push('to_inf');
    const gov = findLastIndex(tokens, Math.max(0, first - 5), first - 1, (x) => x.pos === 'VERB' || x.pos === 'NOUN' || x.pos === 'ADJ');
    f.push(`to_gov=${gov >= 0 ? lem(gov) : 'none'}`);
    if (gov >= 0 && tokens[gov]!.pos === 'NOUN') f.push('to_after_noun');
  }
  if (prev?.lower === 'of' || prev?.lower === 'for' || prev?.pos === 'ADP') f.push(`prep=${prev.lower}`);
  // the whole sentence: conditionals, questions, attribution, denial, plans, habits
  const words = tokens.map((x) => x.lemma);
  for (let i = 0; i < tokens.length; i++) {
    if (i >= first && i <= last) continue;
    const w = tokens[i]!;
    const side = i < first ? 'b' : 'a';
    const near = Math.abs(i < first ? first - i : i - last) <= 8;
    if (CONDITION.has(w.lower) && (w.lower !== 'should' || i === 0)) f.push(`cond_${side}`, `cond_${side}=${w.lower}`);
    if (isAttribution(tokens, i)) f.push(`attr_${side}`, `attr_${side}=${w.lower === 'according' ? 'according' : w.lemma}`);
    if (HEDGES.has(w.lower)) f.push(`hedge_${side}`, `hedge_${side}${near ? '_near' : ''}`);
    if (DENIAL.has(w.lemma)) f.push(`deny_${side}`);
    if (FUTURE.has(w.lemma) && near) f.push(`fut_${side}=${w.lemma}`, `fut_${side}`);
    if (GENERIC.has(w.lower) && near) f.push(`gen_${side}=${w.lower}`);
    if (ATTEMPT.has(w.lemma) && near) f.push(`att_${side}=${w.lemma}`);
    if (near && (w.pos === 'NOUN' || w.pos === 'VERB' || w.pos === 'ADJ') && w.lemma.length > 2) f.push(`w=${w.lemma}`);
  }
  if (tokens[tokens.length - 1]?.text === '?') f.push('question');
  if (words.includes('since') && tokens.some((x) => /^(19|20)\d\d$/.test(x.text))) f.push('since_year');
  // inside quotation marks
  if (insideQuotes(tokens, first)) f.push('in_quote');
  // tense and aspect: the auxiliaries right before a verb trigger
  if (t.pos === 'VERB' || t.pos === 'AUX') {
    const auxes = [];
    for (let i = first - 1; i >= 0 && i >= first - 3 && (AUXILIARIES.has(tokens[i]!.lower) || isModal(tokens[i]!) || tokens[i]!.pos === 'ADV' || tokens[i]!.pos === 'PART'); i--) if (tokens[i]!.pos !== 'ADV') auxes.unshift(tokens[i]!.lower);
    f.push(`verb_group=${auxes.join('_') || 'bare'}|${suffix}`);
  }
  // the trigger is a plural noun: "attacks", "killings"
  if ((t.pos === 'NOUN' || t.pos === 'PROPN') && suffix === 's') f.push('plural_noun');
  f.push(...scopeFeatures(ctx), ...senseFeatures(ctx));
  return f;
}

/**
 * Whether token i reports what a party says: a reporting verb ("said", "told", "claimed"), in
 * whatever part of speech wink tags its usual forms, or "according to".
 */
function isAttribution(tokens: CandidateToken[], i: number): boolean {
  const w = tokens[i]!;
  if (w.lower === 'according') return tokens[i + 1]?.lower === 'to';
  if (ATTRIBUTION.has(w.lemma) && (w.pos === 'VERB' || w.pos === 'AUX')) return true;
  return REPORTING_FORMS.has(w.lower) && w.pos !== 'NOUN' && w.pos !== 'PROPN';
}

/**
 * Whether the candidate's sentence attributes what it says to someone: a reporting verb or
 * "according to" outside the trigger, a hedge ("allegedly"), or the trigger inside quotation
 * marks. Training data that does not tell claims from facts (ECB+) says nothing of such
 * candidates' modality.
 */
export function attributed(ctx: CandidateContext): boolean {
  const { tokens, first, last } = ctx;
  return insideQuotes(tokens, first) || tokens.some((w, i) => (i < first || i > last) && (isAttribution(tokens, i) || HEDGES.has(w.lower)));
}

/** Whether token `first` stands inside quotation marks: an odd number of them opens before it. */
function insideQuotes(tokens: CandidateToken[], first: number): boolean {
  let quotes = 0;
  for (let i = 0; i < first; i++) if (QUOTES.test(tokens[i]!.text)) quotes++;
  return quotes % 2 === 1;
}

/** The class of modality token i cues, if any: "avoid" attempt, "expected" future, "denied" deny, "allegedly" hedge. */
function cueClass(tokens: CandidateToken[], i: number): string | null {
  const w = tokens[i]!;
  if (ATTEMPT.has(w.lemma) || ATTEMPT.has(w.lower)) return 'attempt';
  if (DENIAL.has(w.lemma)) return 'deny';
  if (FUTURE.has(w.lemma) || FUTURE.has(w.lower)) return 'future';
  if (isModal(w)) return 'modal';
  if (NEGATIONS.has(w.lower)) return 'neg';
  if (CONDITION.has(w.lower) && w.lower !== 'should') return 'cond';
  if (isAttribution(tokens, i)) return 'attr';
  if (HEDGES.has(w.lower)) return 'hedge';
  return null;
}

const NOUN_PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);

/**
 * Which cue governs the trigger, not merely which cues the sentence holds: the nearest cue
 * before it in its clause ("a deal to avoid a regime assault": attempt), a cue right after a
 * nominal trigger ("a strike expected within days": future), and the word whose object or
 * complement the trigger's noun phrase is ("to avoid [a regime assault]", "ahead of [a
 * strike]", "plans to [attack]"), each by class and with the trigger's form, so that the
 * classes generalise beyond the few words seen in training.
 */
function scopeFeatures(ctx: CandidateContext): string[] {
  const { tokens, first, last } = ctx;
  const form = tokens[first]!.pos === 'VERB' || tokens[first]!.pos === 'AUX' ? 'verbal' : 'nominal';
  const f: string[] = [`form=${form}`];
  for (let i = first - 1, stop = Math.max(0, first - 10); i >= stop; i--) {
    const w = tokens[i]!;
    if (CLAUSE_BREAK.test(w.text) || w.text === ',') break;
    const cls = cueClass(tokens, i);
    if (!cls) continue;
    f.push(`scope_b=${cls}`, `scope_b=${cls}|${form}`, `scope_b=${cls}|${first - i <= 3 ? 'near' : 'far'}`);
    break;
  }
  for (let i = last + 1; i < Math.min(tokens.length, last + 4); i++) {
    const w = tokens[i]!;
    if (CLAUSE_BREAK.test(w.text) || w.text === ',') break;
    const cls = cueClass(tokens, i);
    if (cls && cls !== 'attr') {
      f.push(`scope_a=${cls}`, `scope_a=${cls}|${form}`);
      break;
    }
  }
  f.push(...attributionScope(ctx, form));
  // the head the trigger's phrase hangs from: skip its determiners, modifiers and "of"
  let h = first - 1;
  while (h >= 0 && (NOUN_PHRASE_POS.has(tokens[h]!.pos) || tokens[h]!.text === '-' || tokens[h]!.lower === "'s") && tokens[h]!.lower !== 'to') h--;
  const head = tokens[h];
  if (head?.pos === 'VERB') f.push(`head_v=${head.lemma}`, `head_v_class=${cueClass(tokens, h) ?? 'none'}`);
  else if (head?.lower === 'to') {
    f.push(`head_to_class=${h > 0 ? (cueClass(tokens, h - 1) ?? 'none') : 'none'}`);
  } else if (head?.pos === 'ADP' || head?.pos === 'SCONJ') {
    const before = tokens[h - 1];
    f.push(`head_p=${head.lower}`, `head_p=${before ? before.lemma : '<s>'}_${head.lower}`, `head_p_class=${before ? (cueClass(tokens, h - 1) ?? 'none') : 'none'}`);
  }
  return f;
}

/**
 * What tells the candidate's sense, if anything, strongest first: a natural cause of death
 * right after the trigger ("died of cholera": `cause`), a scene of sport in its sentence (two
 * or more words of sport besides the trigger: "the striker scored with a fine strike in the
 * match": `scene`), or a single word of sport or natural cause in its sentence or article
 * (`context`), which is weaker evidence because such words have other senses ("a night club",
 * "the death penalty", "the heart of the city").
 */
/** Is the sentence's only cue of another sense a word of a natural cause (cold, illness, storms), no word of sport? */
export function naturalCueOnly(ctx: CandidateContext): boolean {
  const f = senseFeatures(ctx);
  return f.some((x) => x.startsWith('natural')) && !f.some((x) => x.startsWith('sport')) && !matchResult(ctx);
}

export function senseCue(ctx: CandidateContext): 'cause' | 'scene' | 'context' | null {
  // (a verb's lemma is no cue here: "stormed the village" tells no storm; the weights were
  // trained with senseFeatures as it is, so the features keep reading lemmas)
  const f = senseFeatures(ctx, false);
  if (f.includes('natural_after')) return 'cause';
  if (sportWords(ctx) >= 2 || matchResult(ctx)) return 'scene';
  return f.length > 0 ? 'context' : null;
}

/**
 * A result of a match: a score after a verb of winning or losing ("beat Tottenham 2-1", "drew
 * 0-0") or before a word of result ("a 3-0 win"), a scene of sport by itself.
 */
function matchResult(ctx: CandidateContext): boolean {
  return ctx.tokens.some((t, i) => {
    if (!/^\d{1,3}-\d{1,3}$/.test(t.text)) return false;
    const before = ctx.tokens.slice(Math.max(0, i - 3), i).map((x) => x.lemma);
    return before.some((w) => MATCH_VERBS.has(w)) || MATCH_RESULTS.has(ctx.tokens[i + 1]?.lower ?? '');
  });
}
const MATCH_VERBS = new Set(['beat', 'defeat', 'draw', 'drew', 'thrash', 'edge', 'lose', 'lost', 'win', 'won', 'rout', 'hammer']);
const MATCH_RESULTS = new Set(['win', 'victory', 'defeat', 'loss', 'draw', 'home', 'away', 'lead', 'scoreline']);

/** How many different words of sport the candidate's sentence holds besides the trigger. */
function sportWords(ctx: CandidateContext): number {
  const { sport } = senseCues();
  const words = new Set<string>();
  ctx.tokens.forEach((t, i) => {
    if (i >= ctx.first && i <= ctx.last) return;
    // by lemma where the list has it, so that "scored" and "score" count once
    if (sport.has(t.lemma)) words.add(t.lemma);
    else if (sport.has(t.lower)) words.add(t.lower);
  });
  return words.size;
}

/**
 * Whether an attribution holds the trigger, with the trigger's form and whether it is
 * definite: "police said two men were shot" (a verb under the attribution: claimed) against
 * "police said the shooting happened at noon" (a definite noun the article presupposes:
 * asserted). Asserted against claimed is most of the modality head's errors.
 */
function attributionScope(ctx: CandidateContext, form: string): string[] {
  const { tokens, first, last } = ctx;
  const at = tokens.findIndex((_, i) => (i < first || i > last) && isAttribution(tokens, i));
  if (at < 0) return [`attr_scope=none|${form}`];
  const side = at < first ? 'b' : 'a';
  const prev = tokens[first - 1]?.lower ?? '';
  const definite = prev === 'the' || prev === 'this' || prev === 'that' || prev === 'its' || prev === 'their';
  const frame = attributionFrame(tokens, first, last);
  return [`attr_scope=${side}|${form}`, `attr_scope=${side}|${form}|${definite ? 'def' : 'indef'}`, `attr_frame=${frame}`, `attr_frame=${frame}|${form}|${definite ? 'def' : 'indef'}`];
}

/**
 * How the sentence's attribution stands to the trigger: `final` when it closes the sentence
 * after a comma and the trigger is in the clauses before ("a gunman opened fire, police said";
 * "…, according to police"), `content` when it comes first and the trigger follows in what is
 * said ("police said two men were shot"; "according to police, …"), `inside` when it sits
 * between two clauses of a longer sentence, and `subject` when the trigger comes before it
 * with no comma between ("the attack was claimed by", "the strike, which officials said").
 */
export function attributionFrame(tokens: CandidateToken[], first: number, last: number): string {
  for (let i = first - 1; i >= 0; i--) {
    if (!isAttribution(tokens, i)) continue;
    return first - i <= 12 ? 'content' : 'content_far';
  }
  for (let i = last + 1; i < tokens.length; i++) {
    if (!isAttribution(tokens, i)) continue;
    let comma = -1;
    for (let j = i - 1; j > last; j--) if (tokens[j]!.text === ',' || QUOTES.test(tokens[j]!.text)) comma = j;
    if (comma < 0) return 'subject';
    let end = i + 1;
    while (end < tokens.length && tokens[end]!.text !== ',' && !/^[.!?;]$/.test(tokens[end]!.text)) end++;
    return end >= tokens.length - 1 || /^[.!?;]$/.test(tokens[end]!.text) ? 'final' : 'inside';
  }
  return 'none';
}

/**
 * What the words around the trigger say of its sense: a natural cause after it ("died of
 * cholera", "deaths from the cold") or in its sentence, and sport in its sentence or in
 * what the article is about (a goal "strike", a team's "clash").
 */
function senseFeatures(ctx: CandidateContext, verbLemmas = true): string[] {
  const { tokens, first, last } = ctx;
  const { naturalCauses, sport } = senseCues();
  const has = (set: Set<string>, t: CandidateToken) => set.has(t.lower) || ((verbLemmas || t.pos !== 'VERB') && set.has(t.lemma));
  const f: string[] = [];
  for (let i = last + 1; i < Math.min(tokens.length, last + 5); i++) {
    if (has(naturalCauses, tokens[i]!)) {
      f.push('natural_after', `natural_after=${tokens[first]!.lemma}`);
      break;
    }
  }
  if (tokens.some((t, i) => (i < first || i > last) && has(naturalCauses, t))) f.push('natural_s');
  if (tokens.some((t, i) => (i < first || i > last) && has(sport, t))) f.push('sport_s');
  if ((ctx.topic ?? []).some((w) => sport.has(w))) f.push('sport_topic');
  return f;
}

/** The lemma of the trigger, words of a phrase joined by "_". */
export function triggerLemma(ctx: CandidateContext): string {
  return ctx.tokens.slice(ctx.first, ctx.last + 1).map((x) => x.lemma).join('_');
}

function clauseStartOf(tokens: CandidateToken[], first: number): number {
  for (let i = first - 1; i >= 0; i--) if (CLAUSE_BREAK.test(tokens[i]!.text)) return i + 1;
  return 0;
}

function findIndex<T>(xs: T[], from: number, to: number, test: (x: T) => boolean): number {
  for (let i = from; i < to; i++) if (test(xs[i]!)) return i;
  return -1;
}

function findLastIndex<T>(xs: T[], from: number, to: number, test: (x: T) => boolean): number {
  for (let i = to - 1; i >= from; i--) if (test(xs[i]!)) return i;
  return -1;
}

/**
 * The context of a candidate in a processed document: sentence s's tokens, the trigger's
 * token range within them (first, last are document token indices), and the entities and
 * quantities of the sentence as token ranges.
 */
export function contextFromDoc(doc: Doc, s: number, first: number, last: number, proposed: string[], index?: DocIndex): CandidateContext {
  const sentence = doc.sentences[s]!;
  const toks = doc.tokens.slice(sentence.firstToken, sentence.endToken);
  const base = sentence.firstToken;
  const tokenAt = (offset: number, end: boolean): number => {
    for (let i = 0; i < toks.length; i++) if (end ? toks[i]!.end >= offset : toks[i]!.end > offset) return i;
    return toks.length - 1;
  };
  const marks: CandidateContext['marks'] = [];
  // weapons by category: drones, missiles and artillery tell the kind of strike
  const kindOf = (e: Entity) => (e.type === 'EQUIPMENT' && typeof e.kb?.category === 'string' ? `EQUIPMENT:${e.kb.category}` : e.type);
  // the events stage's index has the sentence's mentions and quantities in the order these scans give
  const mentions = index ? index.sentenceMentions(s) : doc.entities.filter((entity) => entity.type !== 'MISC').flatMap((entity) => entity.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end).map((mention) => ({ entity, mention })));
  for (const { entity, mention: m } of mentions) marks.push({ first: tokenAt(m.start, false), last: tokenAt(m.end, true), kind: kindOf(entity) });
  const quantities = index ? index.sentenceQuantities(s) : doc.quantities.filter((q) => q.start >= sentence.start && q.end <= sentence.end);
  for (const q of quantities) marks.push({ first: tokenAt(q.start, false), last: tokenAt(q.end, true), kind: 'QUANTITY', value: q.value });
  return {
    topic: topicOf(doc),
    tokens: toks.map((x) => ({ text: x.text, lower: x.lower, lemma: x.lemma, pos: x.pos })),
    first: first - base,
    last: last - base,
    proposed,
    marks,
  };
}

const topics = new WeakMap<Doc, string[]>();

/** The lemmas of the nouns and verbs of the article's first two sentences (and its title), each once. */
export function topicOf(doc: Doc): string[] {
  let words = topics.get(doc);
  if (!words) {
    const set = new Set<string>();
    const end = doc.sentences[Math.min(doc.sentences.length, 2) - 1]?.endToken ?? 0;
    for (let i = 0; i < end; i++) {
      const t = doc.tokens[i]!;
      if ((t.pos === 'NOUN' || t.pos === 'VERB') && t.lemma.length > 2) set.add(t.lemma);
    }
    words = [...set].slice(0, 40);
    topics.set(doc, words);
  }
  return words;
}
