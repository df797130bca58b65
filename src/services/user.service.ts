import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { hashPassword } from '../auth/password';
import { User } from '../entities/user.entity';
import { Unit } from '../entities/unit.entity';
import { UnitKind } from '../entities/unit-kind.enum';
import { alreadyExists, badInput, notFound } from '../errors/domain-error';
import type { CreateUserInput } from '../schema/inputs/create-user.input';

/** Roles that only make sense inside a congress office. */
const CONGRESS_ONLY: Role[] = [Role.REGISTRAR, Role.LEADER];

/** User accounts. */
export class UserService {
  /**
   * Creates an account. Everyone but a pure administrator belongs to a unit; registrars and leaders
   * belong to a congress.
   */
  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const roles = [...new Set(input.roles)];
    const pureAdmin = roles.length === 1 && roles[0] === Role.ADMIN;
    if (!input.unitId && !pureAdmin) throw badInput('unitId', '除系统管理员外，用户必须属于一个单位');
    const unit = input.unitId ? await ctx.repo(Unit).findOneBy({ id: input.unitId }) : null;
    if (input.unitId && !unit) throw notFound('单位', 'unitId');
    if (unit && unit.kind !== UnitKind.CONGRESS && roles.some((r) => CONGRESS_ONLY.includes(r))) {
      throw badInput('roles', '登记员、分管领导角色只能授予人大机关的用户');
    }
    const username = input.username.trim();
    if (await ctx.repo(User).existsBy({ username })) throw alreadyExists('username', `登录名 ${username} 已被使用`);
    const repo = ctx.repo(User);
    return repo.save(
      repo.create({
        username,
        displayName: input.displayName.trim(),
        passwordHash: await hashPassword(input.password),
        roles,
        piiAccess: input.piiAccess ?? false,
        unitId: unit?.id ?? null,
      }),
    );
  }

  async get(ctx: RequestContext, id: string, field = 'id'): Promise<User> {
    const user = await ctx.repo(User).findOneBy({ id });
    if (!user) throw notFound('用户', field);
    return user;
  }

  list(ctx: RequestContext, unitId?: string): Promise<User[]> {
    return ctx.repo(User).find({ where: unitId ? { unitId } : {}, order: { username: 'ASC' } });
  }

  /** Disables or re-enables an account; disabling revokes every token the user holds. */
  async setDisabled(ctx: RequestContext, id: string, disabled: boolean): Promise<User> {
    const user = await this.get(ctx, id);
    if (user.id === ctx.requireUser().id && disabled) throw badInput('id', '不能停用自己的账号');
    await ctx.repo(User).update({ id }, { disabled, tokenVersion: user.tokenVersion + (disabled ? 1 : 0) });
    return this.get(ctx, id);
  }

  /** Creates the bootstrap administrator (no unit) unless any user exists. Returns whether it did. */
  async ensureBootstrapAdmin(ctx: RequestContext, username: string, password: string): Promise<boolean> {
    if ((await ctx.repo(User).count()) > 0) return false;
    const repo = ctx.repo(User);
    await repo.save(
      repo.create({ username, displayName: '系统管理员', passwordHash: await hashPassword(password), roles: [Role.ADMIN], piiAccess: false, unitId: null }),
    );
    return true;
  }
}
