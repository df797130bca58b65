import { LoginThrottle } from './login-throttle.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';

/** Every entity, listed explicitly so the data source never depends on file globs. */
export const ENTITIES = [Unit, User, LoginThrottle];
