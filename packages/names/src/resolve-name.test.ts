import { describe, expect, it } from 'vitest';
import { resolveRegionName, emptyClues } from './resolve-name.js';

const code = (raw: string) => resolveRegionName(raw).unit?.code ?? null;

describe('resolveRegionName', () => {
  it('reads full names, short forms, bare stems and historical names', () => {
    expect(code('新平彝族傣族自治县')).toBe('530427');
    expect(code('新平县')).toBe('530427');
    expect(code('新平')).toBe('530427');
    expect(code('双江县')).toBe('530925');
    expect(code('鄂温克旗')).toBe('150724');
    expect(code('彬县')).toBe('610482');
    expect(resolveRegionName('彬县').match).toBe('rename');
  });

  it('reads traditional characters, full-width letters and stray spaces', () => {
    expect(code('瀏陽市')).toBe('430181');
    expect(code('新 平　縣')).toBe('530427');
    expect(code('新平彝族傣族自治縣人民政府')).toBe('530427');
  });

  it('takes the city or province written before a district as its clue', () => {
    expect(code('上海市普陀区')).toBe('310107');
    expect(code('舟山市普陀区')).toBe('330903');
    expect(code('北京朝阳区')).toBe('110105');
    expect(code('云南省玉溪市新平县')).toBe('530427');
  });

  it('does not pick between same-named districts without a clue, and says which fit', () => {
    const r = resolveRegionName('普陀区');
    expect(r.unit).toBeNull();
    expect(r.ambiguous).toBe(true);
    expect(r.candidates.map((u) => u.code).sort()).toEqual(['310107', '330903']);
  });

  it('uses clues from elsewhere in the document', () => {
    const clues = emptyClues();
    clues.prefectures.set('3309', 2);
    expect(resolveRegionName('普陀区', { clues }).unit?.code).toBe('330903');
  });

  it('corrects one or two wrong characters with lower confidence', () => {
    for (const raw of ['那平彝族侗族自治县', '新平彝族自治县', '新平彝族自治州']) {
      const r = resolveRegionName(raw);
      expect(r.unit?.code, raw).toBe('530427');
      expect(r.corrected, raw).toBe(true);
      expect(r.confidence, raw).toBeLessThan(1);
    }
  });

  it('leaves a short misspelling with many near neighbours unresolved instead of guessing', () => {
    const r = resolveRegionName('大县');
    expect(r.unit).toBeNull();
    expect(resolveRegionName('安坪县').unit).toBeNull();
  });

  it('takes a near miss of the unit the document points at', () => {
    const xinping = resolveRegionName('新平县').unit!;
    const r = resolveRegionName('那平县', { prefer: xinping });
    expect(r.unit?.code).toBe('530427');
    expect(r.corrected).toBe(true);
  });
});
