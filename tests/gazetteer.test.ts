// The lexicon gazetteer on its own: case rules, plurals, longest match, prefixes that make a
// name something else, and a lexicon that grows after it has been searched.
import { describe, expect, it } from 'vitest';
import { Gazetteer, type GazetteerEntry } from '../src/stages/entities/gazetteer.js';

const entry = (name: string, plural = false, type: GazetteerEntry['type'] = 'EQUIPMENT'): GazetteerEntry => ({ type, name, kind: 'equipment', kb: {}, plural });

function found(g: Gazetteer, text: string): string[] {
  return g.find(text).map((m) => `${text.slice(m.start, m.end)}=${m.entry.name}`);
}

describe('gazetteer', () => {
  it('takes the longest alias at a word and goes on after it', () => {
    const g = new Gazetteer();
    g.add('Leopard', entry('Leopard'));
    g.add('Leopard 2', entry('Leopard 2'));
    g.add('Leopard 2A6', entry('Leopard 2A6'));
    expect(found(g, 'Two Leopard 2A6 and a Leopard 2 and one Leopard.')).toEqual(['Leopard 2A6=Leopard 2A6', 'Leopard 2=Leopard 2', 'Leopard=Leopard']);
  });

  it('needs the capital of a capitalised alias and the exact case of an acronym', () => {
    const g = new Gazetteer();
    g.add('Leopard', entry('Leopard'));
    g.add('UN', entry('United Nations', false, 'ORG'));
    g.add('drone', entry('drone', true));
    expect(found(g, 'a leopard, the un, the UN; a Drone and a drone')).toEqual(['UN=United Nations', 'Drone=drone', 'drone=drone']);
  });

  it('keeps the looser case rule of two spellings of one alias: "ISIS" and "Isis"', () => {
    const g = new Gazetteer();
    const isis = entry('Islamic State', false, 'ARMED_GROUP');
    g.add('ISIS', isis);
    g.add('Isis', isis);
    expect(found(g, 'Analysts warn that Isis remains a threat; ISIS fighters fled; isis is no name here.')).toEqual(['Isis=Islamic State', 'ISIS=Islamic State']);
  });

  it('matches only whole words, and plurals only of countable names', () => {
    const g = new Gazetteer();
    g.add('tank', entry('tank', true));
    g.add('militia', entry('militia', true, 'ARMED_GROUP'));
    g.add('country', entry('country', true, 'LOC'));
    g.add('Patriot battery', entry('Patriot system', true));
    g.add('Kyiv', entry('Kyiv', false, 'GPE'));
    expect(found(g, 'tanks, militias, countries, tankers, Kyivs, Kyiv')).toEqual(['tanks=tank', 'militias=militia', 'countries=country', 'Kyiv=Kyiv']);
    expect(found(g, 'two Patriot batteries, a patriot battery, Patriot batteriesque')).toEqual(['Patriot batteries=Patriot system']);
  });

  it('tells a word from the first word of a longer alias by what follows it, and takes plurals at the alias end', () => {
    const g = new Gazetteer();
    g.add('S-300', entry('S-300', true));
    g.add('A-50', entry('A-50'));
    g.add('al-Qaeda', entry('al-Qaeda', false, 'ARMED_GROUP'));
    g.add('main battle tank', entry('tank', true));
    const text = "Russia's S-300s, as an A-50 watched; al Qaeda's rival al-Qaeda; two main battle tanks";
    expect(found(g, text)).toEqual(['S-300s=S-300', 'A-50=A-50', 'al-Qaeda=al-Qaeda', 'main battle tanks=tank']);
  });

  it('does not read a name inside an anti-, pro- or ex- compound', () => {
    const g = new Gazetteer();
    g.add('Kremlin', entry('Kremlin', false, 'ORG'));
    expect(found(g, 'anti-Kremlin protesters marched to the Kremlin')).toEqual(['Kremlin=Kremlin']);
  });

  it('finds aliases added after a search, and words of other scripts', () => {
    const g = new Gazetteer();
    g.add('Bayraktar', entry('Bayraktar TB2'));
    expect(found(g, 'a Bayraktar over Київ')).toEqual(['Bayraktar=Bayraktar TB2']);
    g.add('Київ', entry('Kyiv', false, 'GPE'));
    expect(found(g, 'a Bayraktar over Київ')).toEqual(['Bayraktar=Bayraktar TB2', 'Київ=Kyiv']);
  });

  it('passes over every other word, however many there are', () => {
    const g = new Gazetteer();
    for (let i = 0; i < 20_000; i++) g.add(`name${i}`, entry(`name${i}`));
    const words = Array.from({ length: 5_000 }, (_, i) => `word${i}`);
    words.splice(2_500, 0, 'name12345');
    expect(found(g, words.join(' '))).toEqual(['name12345=name12345']);
  });
});
