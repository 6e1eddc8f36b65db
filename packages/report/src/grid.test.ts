import { describe, expect, it } from 'vitest';
import { gridHtml } from './grid.js';

describe('gridHtml', () => {
  it('draws spans as printed, fills holes, marks fact cells and puts the message in the flagged cell', () => {
    const cells = [
      { r: 0, c: 0, rs: 2, cs: 1, text: '科目' },
      { r: 0, c: 1, rs: 1, cs: 2, text: '本年支出' },
      { r: 1, c: 1, rs: 1, cs: 1, text: '基本支出' },
      { r: 2, c: 0, rs: 1, cs: 1, text: '行政运行<b>' },
      { r: 2, c: 2, rs: 1, cs: 1, text: '12.00' },
    ];
    const html = gridHtml(3, cells, {
      facts: new Map([['2,2', ['2010101 行政运行 · project: 12.00 元']]]),
      issues: new Map([['2,2', [{ severity: 'error', rule: 'sum.children', message: '12.00 ≠ 10.00' }]]]),
    });
    const rows = html.split('<tr>').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('rowspan="2"');
    expect(rows[0]).toContain('colspan="2"');
    // Row 1: the rowspan covers column 0, so two cells: 基本支出 and an empty one.
    expect(rows[1].match(/<td/g)).toHaveLength(2);
    expect(rows[2]).toContain('行政运行&lt;b&gt;');
    expect(rows[2]).toContain('<td></td>');
    expect(rows[2]).toMatch(
      /<td id="t3-r2-c2" class="fact flag error" title="2010101 行政运行 · project: 12.00 元">12.00<div class="msg error">sum.children: 12.00 ≠ 10.00<\/div><\/td>/,
    );
  });
});
