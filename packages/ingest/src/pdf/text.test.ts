import { describe, expect, it } from 'vitest';
import { normalizeGlyphs } from './glyphs.js';
import { wordsOf } from './text.js';

describe('normalizeGlyphs', () => {
  it('folds Kangxi and supplement radicals and compatibility ideographs to ideographs', () => {
    expect(normalizeGlyphs('\u2F00\u2EA0\u2ED4\uF900')).toBe('一民门豈');
  });
  it('keeps full-width punctuation as printed, folds full-width digits', () => {
    expect(normalizeGlyphs('金额单位：元（万元）１２')).toBe('金额单位：元（万元）12');
  });
});

describe('wordsOf', () => {
  it('joins Han runs with no space and keeps far-apart runs as separate words', () => {
    const words = wordsOf(
      [
        { text: '部门', x: 10, y: 20, width: 20, size: 10 },
        { text: '收支', x: 30, y: 20, width: 20, size: 10 },
        { text: '100.00', x: 120, y: 20, width: 30, size: 10 },
      ],
      [],
    );
    expect(words.map((w) => w.text)).toEqual(['部门收支', '100.00']);
    expect(words[0].bbox).toEqual([10, 11.2, 50, 21.2]);
  });

  it('drops a duplicate run drawn slightly offset (fake bold)', () => {
    const words = wordsOf(
      [
        { text: '合计', x: 10, y: 20, width: 20, size: 10 },
        { text: '合计', x: 10.4, y: 20.2, width: 20, size: 10 },
      ],
      [],
    );
    expect(words.map((w) => w.text)).toEqual(['合计']);
  });

  it('splits a run at a vertical ruling between its characters', () => {
    const words = wordsOf([{ text: '科目名称合计', x: 0, y: 20, width: 60, size: 10 }], [{ x: 40, y0: 0, y1: 30 }]);
    expect(words.map((w) => w.text)).toEqual(['科目名称', '合计']);
  });

  it('puts runs on one baseline into one line, in x order', () => {
    const words = wordsOf(
      [
        { text: 'B', x: 50, y: 20.5, width: 5, size: 10 },
        { text: 'A', x: 10, y: 20, width: 5, size: 10 },
        { text: 'C', x: 10, y: 40, width: 5, size: 10 },
      ],
      [],
    );
    expect(words.map((w) => w.text)).toEqual(['A', 'B', 'C']);
  });

  it('joins a spaced-out title into one word but keeps 类 款 项 headers apart', () => {
    const spaced = [...'收入支出决算总表'].map((ch, i) => ({ text: ch, x: 100 + i * 20, y: 20, width: 10, size: 10 }));
    const headers = ['类', '款', '项'].map((ch, i) => ({ text: ch, x: 100 + i * 40, y: 60, width: 10, size: 10 }));
    expect(wordsOf([...spaced, ...headers], []).map((w) => w.text)).toEqual(['收入支出决算总表', '类', '款', '项']);
  });
});
