import { Field, InputType, registerEnumType } from 'type-graphql';

/** What the case list can be sorted by. */
export enum CaseOrderField {
  RECEIVED_AT = 'RECEIVED_AT',
  DUE_AT = 'DUE_AT',
  SERIAL_NO = 'SERIAL_NO',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(CaseOrderField, {
  name: 'CaseOrderField',
  description: '信访件列表的排序依据 (case list sort key)',
  valuesConfig: {
    RECEIVED_AT: { description: '收到时间 (received time)' },
    DUE_AT: { description: '在办交办件中最早的办理期限；没有在办交办件的信访件无论升序降序都排在最后 (earliest due time of the open assignments; cases without one come last)' },
    SERIAL_NO: { description: '编号 (serial number)' },
  },
});

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: '排序方向 (sort direction)',
  valuesConfig: {
    ASC: { description: '升序：早的、小的在前 (ascending)' },
    DESC: { description: '降序：晚的、大的在前 (descending)' },
  },
});

@InputType({ description: '信访件列表的排序；同值时按 ID 排序，游标在每种排序下都稳定 (case list order; ties broken by id)' })
export class CaseOrder {
  @Field(() => CaseOrderField, { description: '排序依据' })
  field: CaseOrderField;

  @Field(() => OrderDirection, { description: '排序方向' })
  direction: OrderDirection;
}

/** The list's order when none is given: newest first. */
export const DEFAULT_CASE_ORDER: CaseOrder = { field: CaseOrderField.RECEIVED_AT, direction: OrderDirection.DESC };
