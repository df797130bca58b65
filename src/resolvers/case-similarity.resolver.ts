import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/role';
import type { RequestContext } from '../context/request-context';
import { Case } from '../entities/case.entity';
import { UpdateCaseContentInput } from '../schema/inputs/update-case-content.input';
import { CaseView } from '../schema/types/case.type';
import { MatterSuggestion, SimilarCaseConnection } from '../schema/types/similarity.type';
import type { MatterSuggestion as Suggestion, SimilarCasePage } from '../services/similarity.service';
import { Transactional } from './transactional.middleware';

/** Similar petitions on a case, matter suggestions, and the office's corrections that re-index a case. */
@Resolver(() => CaseView)
export class CaseSimilarityResolver {
  @FieldResolver(() => SimilarCaseConnection, {
    description:
      '相似信访件：当前用户可见的其他信访件中可能涉及同一问题的，按相似度从高到低，附原因（同一信访人、同一事项、内容相似）；不含本件 (similar cases)',
  })
  similarCases(
    @Root() c: Case,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: '条数 1–100' }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<SimilarCasePage> {
    return ctx.services.similarity.similarCases(ctx, c, first);
  }

  @FieldResolver(() => [MatterSuggestion], { description: '建议归入的事项：当前用户可见的事项中，其信访件与本件内容相近的，按相似度从高到低；不含本件已归入的事项 (suggested matters)' })
  suggestedMatters(
    @Root() c: Case,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5, description: '条数 1–100' }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Suggestion[]> {
    return ctx.services.similarity.suggestedMatters(ctx, c, first);
  }

  @Authorized(Role.REGISTRAR, Role.ADMIN)
  @Transactional()
  @Mutation(() => CaseView, { description: '更正信访件的问题分类、摘要或全文（登记该件的人大信访机构的登记员或管理员）；记入时间线，并更新相似件索引' })
  updateCaseContent(@Arg('input', () => UpdateCaseContentInput, { description: '输入' }) input: UpdateCaseContentInput, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.caseContent.update(ctx, input);
  }
}
