import { Field, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { CaseEventType, DeadlineClock, DeadlineStateEnum } from '../entities/case-enums';

/** One change of a case as a subscriber receives it; the fields are resolved with the subscriber's permissions. */
@Visible(Audience.CASE_PART)
@ObjectType({ description: '信访件事件：每次变更推送一次，只推送给能看到该信访件的用户 (case event)' })
export class CaseEvent {
  @Field(() => CaseEventType, { description: '事件类型' })
  type: CaseEventType;

  @Field(() => Date, { description: '发生时间' })
  at: Date;

  caseId: string;
  assignmentId: string | null;
  actorId: string | null;
}


/** A reminder that an assignment, or one of the office's own clocks of a case, is due soon or overdue. */
@Visible(Audience.CASE_PART)
@ObjectType({
  description:
    '期限提醒：交办件或人大信访机构自己的时限（受理 15 日、复查复核答复 30 日）即将到期（剩余不超过 3 日）或已逾期，每件每种提醒只推送一次 (deadline alert)',
})
export class DeadlineAlert {
  @Field(() => DeadlineStateEnum, { description: 'DUE_SOON 即将到期，或 OVERDUE 已逾期' })
  kind: DeadlineStateEnum;

  @Field(() => Date, { description: '期限（到期日办公地时间结束时）' })
  dueAt: Date;

  @Field(() => DeadlineClock, { description: '哪一个时限：交办件（ASSIGNMENT），或信访机构的受理（INTAKE）、复查复核答复（REVIEW）' })
  clock: DeadlineClock;

  assignmentId: string | null;
  caseId: string;
}

/** The state of this instance's live event bus. */
@Visible(Audience.SIGNED_IN)
@ObjectType({ description: '实时推送通道状态：Redis 中断时告知订阅者，恢复后继续推送 (live channel status)' })
export class LiveStatus {
  @Field(() => Boolean, { description: '事件能否在各实例间传递' })
  connected: boolean;

  @Field(() => Date, { description: '状态变化时间' })
  at: Date;

  @Field(() => String, { description: '说明' })
  message: string;
}
