import { describe, expect, it } from 'vitest';
import { operatorOf, readScore, readTarget, splitWeight } from './values.js';

describe('operators', () => {
  it.each([
    ['>=', '>='],
    ['≥', '>='],
    ['≧', '>='],
    ['＞＝', '>='],
    ['大于等于', '>='],
    ['<=', '<='],
    ['≤', '<='],
    ['≦', '<='],
    ['小于等于', '<='],
    ['＞', '>'],
    ['>', '>'],
    ['＜', '<'],
    ['=', '='],
    ['＝', '='],
    ['等于', '='],
  ])('an operator cell %s is %s', (cell, op) => {
    expect(operatorOf(cell)).toBe(op);
  });

  it.each(['定量', '定性', '文字描述', '', '正向指标'])('%s in an operator column is no operator', (cell) => {
    expect(operatorOf(cell)).toBeNull();
  });

  it.each([
    ['≥90', '>=', '90', 90, null],
    ['≥50次', '>=', '50', 50, '次'],
    ['大于等于95%', '>=', '95', 95, '%'],
    ['≤12个月', '<=', '12', 12, '个月'],
    ['＜5％', '<', '5', 5, '%'],
    ['=100', '=', '100', 100, null],
    ['30人次以上', '>=', '30', 30, '人次'],
    ['5%以内', '<=', '5', 5, '%'],
    ['不低于98%', '>=', '98', 98, '%'],
    ['100%', null, '100', 100, '%'],
    ['850场次', null, '850', 850, '场次'],
    ['58287.3', null, '58287.3', 58287.3, null],
    ['1,200平方米', null, '1200', 1200, '平方米'],
  ])('the target %s reads as %s %s (%s, unit %s)', (printed, operator, target, value, unit) => {
    expect(readTarget(printed)).toEqual({ operator, target, value, unit });
  });

  it.each(['合理', '领导满意', '按规定时限办结', '12月底前完成', '提高'])(
    'the qualitative target %s keeps its words, no operator',
    (printed) => {
      expect(readTarget(printed)).toEqual({ operator: null, target: printed, value: null, unit: null });
    },
  );

  it('a blank target is nothing', () => {
    expect(readTarget('  ')).toEqual({ operator: null, target: null, value: null, unit: null });
  });
});

describe('weights and scores', () => {
  it.each([
    ['5.00', 5],
    ['10', 10],
    ['3分', 3],
    ['８', 8],
    ['', null],
    ['—', null],
    ['/', null],
  ])('%s reads as %s', (cell, n) => {
    expect(readScore(cell)).toBe(n);
  });

  it('words in a score cell are not a number', () => {
    expect(readScore('优')).toBeUndefined();
  });

  it.each([
    ['组织开展督查暗访（3分）', '组织开展督查暗访', 3],
    ['数量指标（6）', '数量指标', 6],
    ['资金使用合规性(6分)', '资金使用合规性', 6],
    ['政府采购率（%）', '政府采购率（%）', null],
    ['专业设备购置数量（台/件/辆/套）', '专业设备购置数量（台/件/辆/套）', null],
  ])('the level name %s is %s with weight %s', (printed, name, weight) => {
    expect(splitWeight(printed)).toEqual({ name, weight });
  });
});
