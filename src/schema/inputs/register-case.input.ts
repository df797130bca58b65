import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CaseChannel, CaseType } from '../../entities/case-enums';

@InputType({ description: '信访人 (petitioner)' })
export class PetitionerInput {
  @Field(() => String, { description: '姓名 (name)' })
  @Length(1, 100, { message: '信访人姓名不能为空，且不超过 100 个字符' })
  @Matches(/\S/, { message: '信访人姓名不能为空' })
  name: string;

  @Field(() => String, { nullable: true, description: '身份证号：18 位（含校验位）或 15 位旧号 (ID number)' })
  @IsOptional()
  idNumber?: string;

  @Field(() => String, { nullable: true, description: '联系电话 (phone)' })
  @IsOptional()
  phone?: string;

  @Field(() => String, { nullable: true, description: '住址 (address)' })
  @IsOptional()
  @Length(0, 300, { message: '住址不超过 300 个字符' })
  address?: string;
}

@InputType({ description: '登记信访件 (register a case)' })
export class RegisterCaseInput {
  @Field(() => CaseChannel, { description: '来源渠道' })
  channel: CaseChannel;

  @Field(() => CaseType, { description: '类别：建议意见、检举控告、申诉求决' })
  caseType: CaseType;

  @Field(() => Date, { description: '收信/接访时间，不得晚于当前时间' })
  receivedAt: Date;

  @Field(() => String, { description: '问题分类' })
  @Length(1, 100, { message: '问题分类不能为空，且不超过 100 个字符' })
  @Matches(/\S/, { message: '问题分类不能为空' })
  category: string;

  @Field(() => String, { description: '内容摘要' })
  @Length(1, 500, { message: '内容摘要不能为空，且不超过 500 个字符' })
  @Matches(/\S/, { message: '内容摘要不能为空' })
  summary: string;

  @Field(() => String, { description: '信访内容全文' })
  @Length(1, 20000, { message: '信访内容不能为空，且不超过 20000 个字符' })
  @Matches(/\S/, { message: '信访内容不能为空' })
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

  @Field(() => Boolean, { nullable: true, description: '重点件' })
  isKey?: boolean;

  @Field(() => Boolean, { nullable: true, description: '疑难件' })
  isDifficult?: boolean;

  @Field(() => Boolean, { nullable: true, description: '典型件' })
  isTypical?: boolean;
}
