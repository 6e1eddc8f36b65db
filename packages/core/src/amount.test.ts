import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, parseNumber, toFen, toNumber } from './amount.js';

const fen = (text: string, unit: 'yuan' | 'ten_thousand_yuan' | 'thousand_yuan' = 'yuan') => {
  const n = parseNumber(text);
  return n ? toFen(n, unit) : n;
};

describe('parseNumber / toFen', () => {
  it('reads thousands separators exactly', () => expect(fen('3,871,094.01')).toBe(387109401));
  it('reads full-width digits and 。 as decimal point', () => expect(fen('１２３。４５')).toBe(12345));
  it('reads negatives in parentheses and with a minus', () => {
    expect(fen('(1,000.50)')).toBe(-100050);
    expect(fen('－12.3')).toBe(-1230);
  });
  it('gives null for blanks and dashes, undefined for words', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber(' — ')).toBeNull();
    expect(parseNumber('－')).toBeNull();
    expect(parseNumber('合计')).toBeUndefined();
  });
  it('converts 万元 and 千元 to yuan without float error', () => {
    expect(fen('548.82', 'ten_thousand_yuan')).toBe(548820000);
    expect(fen('0.07', 'ten_thousand_yuan')).toBe(70000);
    expect(fen('1.234', 'thousand_yuan')).toBe(123400);
  });
  it('refuses sub-fen precision instead of rounding', () => expect(fen('0.001')).toBeUndefined());
  it('keeps 0.00 as zero', () => expect(fen('0.00')).toBe(0));
  it('reads percentages', () => {
    const n = parseNumber('85.25%')!;
    expect(n.percent).toBe(true);
    expect(toNumber(n)).toBe(85.25);
  });
  it('round-trips fen to yuan and formats', () => {
    expect(fenToYuan(387109401)).toBe(3871094.01);
    expect(fenToYuan(-5)).toBe(-0.05);
    expect(formatFen(519622844)).toBe('5,196,228.44');
  });
});
