// The stages stay readable: no function in src/stages is 80 lines or longer
// (scripts/function-lengths.ts lists the longest).
import { describe, expect, it } from 'vitest';
import { functionLengths } from '../scripts/function-lengths.js';

describe('function lengths', () => {
  it('finds functions, methods and arrow functions with their lengths', () => {
    const all = functionLengths('scripts');
    const self = all.find((f) => f.name === 'functionLengths');
    expect(self?.file).toBe('scripts/function-lengths.ts');
    expect(self!.lines).toBeGreaterThan(5);
  });

  it('keeps every function in src/stages under 80 lines', () => {
    const longest = functionLengths('src/stages')[0]!;
    expect(longest.lines, `${longest.file}:${longest.line} ${longest.name}`).toBeLessThan(80);
  });
});
