import type { FindOptionsWhere } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { Unit } from '../entities/unit.entity';
import { UnitKind } from '../entities/unit-kind.enum';
import { alreadyExists, badInput, notFound } from '../errors/domain-error';
import { unitPlacementProblem } from '../domain/unit-hierarchy';
import type { CreateUnitInput } from '../schema/inputs/create-unit.input';
import type { UnitFilter } from '../schema/inputs/unit-filter.input';
import { unitById } from '../loaders/unit.loaders';

/** The directory of bodies: congresses, the 一府两院, departments, and their hierarchy. */
export class UnitService {
  /** Creates a unit under an existing superior body, refusing a duplicate code or an impossible placement. */
  async create(ctx: RequestContext, input: CreateUnitInput): Promise<Unit> {
    const repo = ctx.repo(Unit);
    const code = input.code.trim();
    if (await repo.existsBy({ code })) throw alreadyExists('code', `单位编码 ${code} 已存在`);
    const parent = input.parentId ? await repo.findOneBy({ id: input.parentId }) : undefined;
    if (input.parentId && !parent) throw notFound('上级单位', 'parentId');
    const problem = unitPlacementProblem(input, parent ?? undefined);
    if (problem) throw badInput('parentId', problem);
    const unit = await repo.save(repo.create({ code, name: input.name.trim(), kind: input.kind, level: input.level, parentId: parent?.id ?? null }));
    ctx.app.units.changed(ctx);
    return unit;
  }

  /** Lists units matching the filter, superior levels first. */
  list(ctx: RequestContext, filter: UnitFilter = {}): Promise<Unit[]> {
    const where: FindOptionsWhere<Unit> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.level) where.level = filter.level;
    if (filter.parentId) where.parentId = filter.parentId;
    return ctx.repo(Unit).find({ where, order: { level: 'ASC', code: 'ASC' } });
  }

  /**
   * A unit by id, or null: at once while the unit tree is in memory (a unit named on every row of a list then costs
   * no promise), otherwise batched with the request's other reads of units.
   */
  unitOf(ctx: RequestContext, id: string): Unit | null | Promise<Unit | null> {
    const byId = ctx.app.units.peekById(ctx);
    return byId ? (byId.get(id) ?? null) : ctx.loader(unitById).load(id);
  }

  async get(ctx: RequestContext, id: string, field = 'id'): Promise<Unit> {
    const unit = await ctx.loader(unitById).load(id);
    if (!unit) throw notFound('单位', field);
    return unit;
  }

  /** The chain of superior bodies, nearest first. */
  async ancestors(ctx: RequestContext, unit: Unit): Promise<Unit[]> {
    const chain: Unit[] = [];
    const seen = new Set<string>([unit.id]);
    let next = unit.parentId;
    while (next && !seen.has(next)) {
      seen.add(next);
      const parent = await ctx.loader(unitById).load(next);
      if (!parent) break;
      chain.push(parent);
      next = parent.parentId;
    }
    return chain;
  }

  /** The congress a unit belongs to: itself when it is one, otherwise the nearest congress up its chain. */
  async congressOf(ctx: RequestContext, unit: Unit): Promise<Unit | undefined> {
    if (unit.kind === UnitKind.CONGRESS) return unit;
    return (await this.ancestors(ctx, unit)).find((u) => u.kind === UnitKind.CONGRESS);
  }
}
