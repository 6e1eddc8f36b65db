import { describe, expect, it } from 'vitest';
import { toSimplified } from './script.js';

describe('toSimplified', () => {
  it('converts traditional text and says so', () => {
    expect(toSimplified('慈利縣司法局2021年部門預算 一般公共預算撥款收入')).toEqual({
      text: '慈利县司法局2021年部门预算 一般公共预算拨款收入',
      script: 'traditional',
    });
  });

  it('leaves simplified text exactly as it is, even with characters opencc would rewrite', () => {
    const text = '本部门2023年收入预算显著增加，成效卓著，一般公共预算财政拨款收入合计一百万元。';
    expect(toSimplified(text)).toEqual({ text, script: 'simplified' });
  });

  it('does not call a few stray traditional characters a traditional document', () => {
    const text =
      '新平彝族傣族自治县机关事务服务中心2023年度部门决算（附：舊表說明）'.repeat(3) +
      '合计一般公共服务支出'.repeat(20);
    expect(toSimplified(text).script).toBe('simplified');
  });
});
