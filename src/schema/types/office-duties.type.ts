import { Field, ID, ObjectType } from 'type-graphql';
import { FlashReportKind } from '../../entities/case-enums';
import { Audience, Visible } from '../../policy/audience';

/** The handling unit's responsible leader for one assignment (承办单位明确领导落实到人). */
@Visible(Audience.CASE_PART)
@ObjectType({ description: '承办单位责任领导 (the handling unit\'s responsible leader)' })
export class ResponsibleLeader {
  @Field(() => String, { description: '姓名 (name)' })
  name: string;

  @Field(() => String, { nullable: true, description: '职务 (title)' })
  title: string | null;
}

/** A reception session (领导接访); the API shape of src/entities/reception.entity.ts. */
@Visible(Audience.OFFICE_RECORD)
@ObjectType('Reception', { description: '领导接访：本级人大领导接待来访群众的安排 (a leader\'s reception session)' })
export class ReceptionView {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  id: string;

  @Field(() => Date, { description: '开始时间 (starts at)' })
  startsAt: Date;

  @Field(() => Date, { description: '结束时间 (ends at)' })
  endsAt: Date;

  @Field(() => String, { description: '地点 (place)' })
  place: string;
}

/** A flash report (快报); the API shape of src/entities/flash-report.entity.ts. */
@Visible(Audience.OFFICE_RECORD)
@ObjectType('FlashReport', { description: '快报：集体访或紧急件，即时报本级及上级人大领导和信访机构；不报承办单位 (flash report)' })
export class FlashReportView {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  id: string;

  @Field(() => FlashReportKind, { description: '类型 (kind)' })
  kind: FlashReportKind;

  @Field(() => Date, { description: '报出时间 (raised at)' })
  at: Date;

  @Field(() => String, { nullable: true, description: '事由：紧急件为标记理由，集体访为来访人数 (reason)' })
  reason: string | null;

  caseId: string;
}
