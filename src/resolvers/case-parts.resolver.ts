import { PetitionerView } from '../schema/types/petitioner.type';
import { CaseView } from '../schema/types/case.type';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { Extension } from '../entities/extension.entity';
import { Instruction } from '../entities/instruction.entity';
import { Petitioner } from '../entities/petitioner.entity';
import { Reply } from '../entities/reply.entity';
import { ReplyWordingView } from '../schema/types/reply-wording.type';
import { Supervision } from '../entities/supervision.entity';
import { Unit } from '../entities/unit.entity';
import { User } from '../entities/user.entity';
import { assignmentById, userById, wordingById } from '../loaders/case.loaders';
import { Audience, Visible } from '../policy/audience';

@Resolver(() => Extension)
export class ExtensionResolver {
  @FieldResolver(() => Assignment, { description: '所属交办件 (assignment)' })
  assignment(@Root() e: Extension, @Ctx() ctx: RequestContext) {
    return ctx.loader(assignmentById).load(e.assignmentId);
  }
}

@Resolver(() => Supervision)
export class SupervisionResolver {
  @FieldResolver(() => User, { nullable: true, description: '督办人 (by)' })
  by(@Root() s: Supervision, @Ctx() ctx: RequestContext) {
    return ctx.loader(userById).load(s.byId);
  }

  @FieldResolver(() => Assignment, { description: '被督办的交办件 (assignment)' })
  assignment(@Root() s: Supervision, @Ctx() ctx: RequestContext) {
    return ctx.loader(assignmentById).load(s.assignmentId);
  }
}

@Resolver(() => Instruction)
export class InstructionResolver {
  @FieldResolver(() => User, { nullable: true, description: '批示领导 (leader)' })
  leader(@Root() i: Instruction, @Ctx() ctx: RequestContext) {
    return ctx.loader(userById).load(i.leaderId);
  }
}

@Resolver(() => Reply)
export class ReplyResolver {
  @FieldResolver(() => Unit, { description: '答复单位：主办单位或人大信访机构 (replying body)' })
  unit(@Root() r: Reply, @Ctx() ctx: RequestContext) {
    return ctx.services.units.unitOf(ctx, r.unitId);
  }

  @FieldResolver(() => CaseView, { description: '信访件 (case)' })
  case(@Root() r: Reply, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.caseAccess.getVisible(ctx, r.caseId);
  }

  @FieldResolver(() => ReplyWordingView, { nullable: true, description: '所依据的统一答复口径版本 (wording)' })
  wording(@Root() r: Reply, @Ctx() ctx: RequestContext) {
    return r.wordingId ? ctx.loader(wordingById).load(r.wordingId) : null;
  }
}

@Resolver(() => PetitionerView)
export class PetitionerResolver {
  @Visible(Audience.PII)
  @FieldResolver(() => String, { nullable: true, description: '完整身份证号：仅有个人信息权限者可见，每次读取都记入审计 (full ID number)' })
  idNumber(@Root() p: Petitioner, @Ctx() ctx: RequestContext) {
    return ctx.services.petitioners.read(ctx, p, 'idNumber');
  }

  @Visible(Audience.PII)
  @FieldResolver(() => String, { nullable: true, description: '电话：无个人信息权限时脱敏，如 138****5678；完整读取记入审计 (phone)' })
  phone(@Root() p: Petitioner, @Ctx() ctx: RequestContext) {
    return ctx.services.petitioners.read(ctx, p, 'phone');
  }

  @Visible(Audience.PII)
  @FieldResolver(() => String, { nullable: true, description: '住址：仅有个人信息权限者可见，读取记入审计 (address)' })
  address(@Root() p: Petitioner, @Ctx() ctx: RequestContext) {
    return ctx.services.petitioners.read(ctx, p, 'address');
  }
}
