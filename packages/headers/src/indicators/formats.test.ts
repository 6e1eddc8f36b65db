/**
 * One 项目支出绩效自评表 (fixtures/self-evaluation.html, merged cells as rowspan/colspan) and its
 * LibreOffice twins (fixtures/make-twins.sh): every format gives the same indicators.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IndicatorRecordSchema } from '@govdocs/core';
import { ingest } from '@govdocs/ingest';
import { detectTables } from '@govdocs/tables';
import { indicatorLine } from '../fixtures/indicator-line.js';
import { alignTables } from '../index.js';

const fixture = (ext: string) => new URL(`./fixtures/self-evaluation.${ext}`, import.meta.url).pathname;

/** Read by eye from the fixture. */
const EXPECTED = [
  '乡村道路养护经费|产出指标|数量指标|养护里程|>=|120|120|公里|125公里|20|20|∅',
  '乡村道路养护经费|产出指标|数量指标|桥涵维修座数|>=|6|6|座|5座|10|8|汛期延误',
  '乡村道路养护经费|产出指标|时效指标|完成时限|<=|12|12|个月|12个月|10|10|∅',
  '乡村道路养护经费|效益指标|社会效益指标|群众出行条件|∅|明显改善|∅|∅|改善|20|18|∅',
  '乡村道路养护经费|效益指标|可持续影响指标|道路使用年限|>=|5|5|年|5年|10|10|∅',
  '乡村道路养护经费|满意度指标|服务对象满意度指标|沿线群众满意度|>=|90|90|%|93%|10|9|∅',
];

describe('indicators from every format', () => {
  it.each(['html', 'docx', 'xlsx', 'pdf'])('%s', async (ext) => {
    const path = fixture(ext);
    const doc = (await ingest({ path, bytes: new Uint8Array(readFileSync(path)) })).value!;
    const out = alignTables(detectTables(doc).value).value;
    for (const x of out.indicators) IndicatorRecordSchema.parse(x);
    expect(out.indicators.map((x) => indicatorLine(x))).toEqual(EXPECTED);
    expect(out.tables.map((t) => t.kind)).toEqual(['performance_indicators']);
    expect(out.facts).toEqual([]);
  });
});
