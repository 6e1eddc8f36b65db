import { describe, expect, it } from 'vitest';
import { cellText, completesFigure, usualDecimals, type Word } from './words.js';

const at = (text: string, y: number): Word => ({ text, x0: 100, y0: y, x1: 100 + text.length * 5, y1: y + 9, size: 9 });

describe('figures wrapped in a narrow cell', () => {
  it('are one figure when a piece is not whole on its own', () => {
    expect(completesFigure('7,589,7', '02.85', 2)).toBe(true);
    expect(completesFigure('7,589,702.', '85', 2)).toBe(true);
    expect(completesFigure('7,589,70', '2.85', 2)).toBe(true);
    expect(completesFigure('7,589,702', '.85', 2)).toBe(true);
  });

  it('are one figure when the head lacks the decimals the table prints', () => {
    expect(completesFigure('3800.0', '0', 2)).toBe(true);
    expect(completesFigure('3800.0', '0', -1)).toBe(false);
    expect(completesFigure('3800.0', '0', 1)).toBe(false);
  });

  it('stay apart when each is a whole figure, or they make no figure together', () => {
    expect(completesFigure('100.00', '200.00', 2)).toBe(false);
    expect(completesFigure('1', '2', 0)).toBe(false);
    expect(completesFigure('7,589,702.85', '3,800.00', 2)).toBe(false);
    expect(completesFigure('行政', '运行', 2)).toBe(false);
    expect(completesFigure('12.5', '%', 2)).toBe(false);
  });

  it('are joined without a space in a cell’s text; other lines keep theirs', () => {
    expect(cellText([at('7,589,7', 100), at('02.85', 110)], 2)).toBe('7,589,702.85');
    expect(cellText([at('3800.0', 100), at('0', 110)], 2)).toBe('3800.00');
    expect(cellText([at('100.00', 100), at('200.00', 110)], 2)).toBe('100.00 200.00');
  });

  it('the decimals a table prints: amounts with a point or comma vote, codes do not', () => {
    expect(usualDecimals(['213', '2130101', '7,589,702.85', '3,800.0', '0.00', '2.85'])).toBe(2);
    expect(usualDecimals(['11,281,624', '538,440', '208'])).toBe(0);
    expect(usualDecimals(['208', '20805'])).toBe(-1);
  });
});
