import { registerEnumType } from 'type-graphql';

/** What kind of body a unit is. */
export enum UnitKind {
  CONGRESS = 'CONGRESS',
  GOVERNMENT = 'GOVERNMENT',
  DEPARTMENT = 'DEPARTMENT',
  COURT = 'COURT',
  PROCURATORATE = 'PROCURATORATE',
  OTHER = 'OTHER',
}

/** Administrative level, from the highest to the lowest. */
export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}

/** Higher bodies rank lower: PROVINCE 0 … TOWNSHIP 3. */
export const LEVEL_RANK: Record<UnitLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2, TOWNSHIP: 3 };

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: '单位类别 (kind of body)',
  valuesConfig: {
    CONGRESS: { description: '人大（常委会）及其信访机构 (people\'s congress)' },
    GOVERNMENT: { description: '人民政府 (government)' },
    DEPARTMENT: { description: '政府工作部门 (government department)' },
    COURT: { description: '人民法院 (court)' },
    PROCURATORATE: { description: '人民检察院 (procuratorate)' },
    OTHER: { description: '其他单位 (other body)' },
  },
});

registerEnumType(UnitLevel, {
  name: 'UnitLevel',
  description: '行政层级 (administrative level)',
  valuesConfig: {
    PROVINCE: { description: '省级 (province)' },
    CITY: { description: '市级 (city / prefecture)' },
    COUNTY: { description: '县级 (county / district)' },
    TOWNSHIP: { description: '乡镇级 (township)' },
  },
});
