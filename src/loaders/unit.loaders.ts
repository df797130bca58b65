import { Unit } from '../entities/unit.entity';
import { byIdLoader, groupedLoader } from './by-id.loader';

export const unitById = byIdLoader(Unit);
export const unitsByParentId = groupedLoader(Unit, 'parentId', { code: 'ASC' });
