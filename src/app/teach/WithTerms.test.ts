import { describe, expect, it } from 'vitest';
import { termParts } from './WithTerms.tsx';

describe('termParts', () => {
  it('marks each term once, at its first occurrence, longest form first', () => {
    const parts = termParts('The dirty bitmap is read; dirty pages go on the to-send list. The dirty bitmap is cleared.');
    expect(parts).toEqual([
      'The ',
      { term: 'dirty bitmap', text: 'dirty bitmap' },
      ' is read; ',
      { term: 'dirty page', text: 'dirty pages' },
      ' go on the ',
      { term: 'to-send list', text: 'to-send list' },
      '. The dirty bitmap is ',
      { term: 'clean', text: 'cleared' },
      '.',
    ]);
  });

  it('keeps the text whole and leaves words inside other words alone', () => {
    const text = 'Passes over the bitmap until the downtime limit holds; a pushover is not a push.';
    const parts = termParts(text);
    expect(parts.map((p) => (typeof p === 'string' ? p : p.text)).join('')).toBe(text);
    expect(parts.filter((p) => typeof p !== 'string').map((p) => (p as { term: string }).term)).toEqual(['pass', 'downtime limit', 'push']);
  });

  it('returns plain text unchanged when it has no term', () => {
    expect(termParts('Nothing to explain here.')).toEqual(['Nothing to explain here.']);
  });
});
