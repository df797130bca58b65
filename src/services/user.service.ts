import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { hashPassword } from '../auth/password';
import { usernameKey } from '../auth/username';
import { User } from '../entities/user.entity';
import { Unit } from '../entities/unit.entity';
import { UnitKind } from '../entities/unit-kind.enum';
import { alreadyExists, badInput, notFound } from '../errors/domain-error';
import type { CreateUserInput } from '../schema/inputs/create-user.input';
import type { AuthService } from './auth.service';

/** Roles that only make sense inside a congress office. */
const CONGRESS_ONLY: Role[] = [Role.REGISTRAR, Role.LEADER];

/** User accounts. */
export class UserService {
  constructor(private readonly auth: Pick<AuthService, 'announceAccessChange'>) {}

  /**
   * Creates an account. Everyone but a pure administrator belongs to a unit; registrars and leaders
   * belong to a congress. Usernames are unique whatever their case or width ("Registrar", "ｒｅｇｉｓｔｒａｒ").
   */
  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const roles = [...new Set(input.roles)];
    const unit = input.unitId ? await ctx.repo(Unit).findOneBy({ id: input.unitId }) : null;
    if (input.unitId && !unit) throw notFound('单位', 'unitId');
    this.checkRoles(roles, unit, input.unitId ? 'roles' : 'unitId');
    const username = input.username.trim();
    const key = usernameKey(username);
    if (await ctx.repo(User).existsBy({ usernameKey: key })) throw alreadyExists('username', `登录名 ${username} 已被使用（登录名不区分大小写与全角半角）`);
    const repo = ctx.repo(User);
    return repo.save(
      repo.create({
        username,
        usernameKey: key,
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

  /**
   * Disables or re-enables an account; disabling revokes every token the user holds and closes its open
   * sockets on every instance.
   */
  async setDisabled(ctx: RequestContext, id: string, disabled: boolean): Promise<User> {
    const user = await this.get(ctx, id);
    if (user.id === ctx.requireUser().id && disabled) throw badInput('id', '不能停用自己的账号');
    await ctx.repo(User).update({ id }, { disabled, tokenVersion: user.tokenVersion + (disabled ? 1 : 0) });
    if (disabled) this.auth.announceAccessChange(ctx, { userId: id, kind: 'REVOKED' });
    return this.get(ctx, id);
  }

  /**
   * Replaces an account's roles, under the same rules as creating it. Its tokens stay valid (every request
   * reads the roles afresh), but its open sockets are closed on every instance, since each holds the roles
   * it was opened with.
   */
  async setRoles(ctx: RequestContext, id: string, roles: Role[]): Promise<User> {
    const user = await this.get(ctx, id);
    const wanted = [...new Set(roles)];
    if (wanted.length === 0) throw badInput('roles', '至少指定一个角色');
    const unit = user.unitId ? await ctx.repo(Unit).findOneBy({ id: user.unitId }) : null;
    this.checkRoles(wanted, unit, 'roles');
    if (user.id === ctx.requireUser().id && user.hasRole(Role.ADMIN) && !wanted.includes(Role.ADMIN)) {
      throw badInput('roles', '不能取消自己的系统管理员角色');
    }
    const same = wanted.length === user.roles.length && wanted.every((r) => user.roles.includes(r));
    if (same) return user;
    await ctx.repo(User).update({ id }, { roles: wanted });
    this.auth.announceAccessChange(ctx, { userId: id, kind: 'ROLES_CHANGED' });
    return this.get(ctx, id);
  }

  /** Creates the bootstrap administrator (no unit) unless any user exists. Returns whether it did. */
  async ensureBootstrapAdmin(ctx: RequestContext, username: string, password: string): Promise<boolean> {
    if ((await ctx.repo(User).count()) > 0) return false;
    const repo = ctx.repo(User);
    await repo.save(
      repo.create({
        username,
        usernameKey: usernameKey(username),
        displayName: '系统管理员',
        passwordHash: await hashPassword(password),
        roles: [Role.ADMIN],
        piiAccess: false,
        unitId: null,
      }),
    );
    return true;
  }

  /** Everyone but a pure administrator belongs to a unit; registrars and leaders belong to a congress. */
  private checkRoles(roles: Role[], unit: Unit | null, field: 'roles' | 'unitId'): void {
    const pureAdmin = roles.length === 1 && roles[0] === Role.ADMIN;
    if (!unit && !pureAdmin) throw badInput(field, '除系统管理员外，用户必须属于一个单位');
    if (unit && unit.kind !== UnitKind.CONGRESS && roles.some((r) => CONGRESS_ONLY.includes(r))) {
      throw badInput('roles', '登记员、分管领导角色只能授予人大机关的用户');
    }
  }
}
