import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../src-main/engine/data/detectDelimiter';

describe('detectDelimiter', () => {
  it('picks the separator that gives the same field count on every line', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
  });

  it('prefers ; over , when commas are decimal commas', () => {
    // Commas split the rows into 3 but the header into 1: inconsistent, so ';' wins.
    expect(detectDelimiter('x;y\n1,5;2,5\n3,5;4,5\n')).toBe(';');
  });

  it('ignores separators inside quotes, including quoted line breaks', () => {
    expect(detectDelimiter('name;note\n"a;b";"x\ny;z"\n"c";d\n')).toBe(';');
    expect(detectDelimiter('name,note\n"Smith; John","a;b;c"\nLee,"d;e"\n')).toBe(',');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('value\n1\n2\n')).toBe(',');
  });

  it('lets the majority win over a few malformed lines', () => {
    const lines = ['a;b;c', ...Array.from({ length: 10 }, (_, i) => `${i};${i};${i}`), 'x;y, z;w;v'];
    expect(detectDelimiter(lines.join('\n'))).toBe(';');
  });
});
