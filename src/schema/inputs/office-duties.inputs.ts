import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Name } from './validated-fields';

@InputType({ description: '承办单位明确责任领导和经办人 (name the unit\'s responsible leader and handler)' })
export class AssignmentResponsiblesInput {
  @Field(() => ID, { description: '交办件' })
  assignmentId: string;

  @Name('责任领导姓名')
  leaderName: string;

  @Name('责任领导职务', { nullable: true })
  leaderTitle?: string;

  @Field(() => ID, { nullable: true, description: '经办人：须为承办单位的用户' })
  @IsOptional()
  handlerId?: string;
}

@InputType({ description: '安排领导接访 (schedule a leader\'s reception session)' })
export class ScheduleReceptionInput {
  @Field(() => ID, { description: '接访领导：本级人大的领导（LEADER）' })
  leaderId: string;

  @Field(() => Date, { description: '开始时间：不早于今日（办公时区）' })
  startsAt: Date;

  @Field(() => Date, { description: '结束时间：晚于开始时间，一次不超过 24 小时' })
  endsAt: Date;

  @Name('地点')
  place: string;
}
