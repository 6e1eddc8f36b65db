/**
 * The standard level names of 绩效指标 (财政部《项目支出绩效评价管理办法》 and the 绩效目标 templates
 * built on it): 一级 产出/效益/满意度/成本指标, each with its 二级 names. Tables that print the
 * levels run together in one cell (产出指标数量指标培训工作完成率) are split on them.
 */
const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];

/** 二级 names, longest first so 经济成本指标 wins over 成本指标. */
const LEVEL2 = [
  '服务对象满意度指标',
  '可持续影响指标',
  '生态环境成本指标',
  '生态效益指标',
  '经济效益指标',
  '社会效益指标',
  '经济成本指标',
  '社会成本指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
];

export interface SplitLevels {
  level1: string;
  level2: string | null;
  level3: string;
}

/**
 * 产出指标数量指标培训工作完成率 → 产出指标 › 数量指标 › 培训工作完成率. Null unless the text starts
 * with a 一级 name and leaves an indicator name after the levels.
 */
export function splitRunTogether(text: string): SplitLevels | null {
  const level1 = LEVEL1.find((w) => text.startsWith(w));
  if (!level1) return null;
  let rest = text.slice(level1.length);
  const level2 = LEVEL2.find((w) => rest.startsWith(w)) ?? null;
  if (level2) rest = rest.slice(level2.length);
  rest = rest.replace(/^[:：\-－—、,，\s]+/, '');
  return rest ? { level1, level2, level3: rest } : null;
}
