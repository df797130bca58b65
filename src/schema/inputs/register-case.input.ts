import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CaseChannel, CaseType } from '../../entities/case-enums';
import { Address, IdNumber, Instant, LongText, Name, Phone, Summary } from './validated-fields';

@InputType({ description: '信访人 (petitioner)' })
export class PetitionerInput {
  @Name('信访人姓名')
  name: string;

  @IdNumber('身份证号')
  idNumber?: string;

  @Phone('联系电话')
  phone?: string;

  @Address('住址', { nullable: true })
  address?: string;
}

@InputType({ description: '登记信访件 (register a case)' })
export class RegisterCaseInput {
  @Field(() => CaseChannel, { description: '来源渠道' })
  channel: CaseChannel;

  @Field(() => CaseType, { description: '类别：建议意见、检举控告、申诉求决' })
  caseType: CaseType;

  @Instant('收信/接访时间', { note: '不得晚于当前时间' })
  receivedAt: Date;

  @Name('问题分类')
  category: string;

  @Summary('内容摘要')
  summary: string;

  @LongText('信访内容全文')
  content: string;

  @Field(() => [PetitionerInput], { description: '信访人；集体访最多 5 名代表' })
  @ArrayMinSize(1, { message: '至少登记一名信访人' })
  @ArrayMaxSize(5, { message: '集体访最多登记 5 名代表' })
  @ValidateNested({ each: true })
  petitioners: PetitionerInput[];

  @Field(() => Int, { nullable: true, description: '人次：来访时在场人数，默认为信访人数' })
  @IsOptional()
  @Min(1, { message: '人次不能小于 1' })
  @Max(10000, { message: '人次过大' })
  personCount?: number;

  @Field(() => ID, { nullable: true, description: '纸质批转件：批转来的上级人大' })
  @IsOptional()
  referredFromUnitId?: string;

  @Field(() => ID, { nullable: true, description: '所属事项' })
  @IsOptional()
  matterId?: string;

  @Field(() => ID, { nullable: true, description: '检举控告件的被检举单位：该单位永远看不到本件' })
  @IsOptional()
  accusedUnitId?: string;

  @Field(() => ID, { nullable: true, description: '领导接访：来访时所在的接访安排（仅来访；收到时间须在接访时间内）' })
  @IsOptional()
  receptionId?: string;

  @Field(() => Boolean, { nullable: true, description: '重点件' })
  isKey?: boolean;

  @Field(() => Boolean, { nullable: true, description: '疑难件' })
  isDifficult?: boolean;

  @Field(() => Boolean, { nullable: true, description: '典型件' })
  isTypical?: boolean;
}
