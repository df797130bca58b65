import { randomUUID } from 'node:crypto';
import { mayReadPii } from '../policy/access-policy';
import DataLoader from 'dataloader';
import type { LoaderFactory, RequestContext } from '../context/request-context';
import { maskIdNumber, maskPhone, upgradeLegacyIdNumber, validateIdNumber, validatePhone } from '../domain/id-number';
import { PiiCipher } from '../domain/pii-cipher';
import { Petitioner } from '../entities/petitioner.entity';
import { PiiAccessLog } from '../entities/pii-access-log.entity';
import { badInput } from '../errors/domain-error';
import type { PetitionerInput } from '../schema/inputs/register-case.input';

export type PiiField = 'idNumber' | 'phone' | 'address';

interface PiiRead {
  userId: string;
  petitionerId: string;
  field: PiiField;
}

/**
 * Writes the audit rows of one request's full-PII reads in a single INSERT, however many petitioners a list
 * shows; the rows commit before any full value is returned.
 */
const piiAuditWriter: LoaderFactory<PiiRead, true> = (ctx) =>
  new DataLoader<PiiRead, true>(
    async (reads) => {
      const at = new Date();
      const requestId = ctx.requestId.slice(0, 64);
      await ctx.transaction(() => ctx.repo(PiiAccessLog).insert(reads.map((r) => ({ id: randomUUID(), ...r, requestId, at }))));
      return reads.map(() => true as const);
    },
    { cache: false },
  );

/** Petitioners' personal data: validated, encrypted at rest, hashed for matching, masked or audited on read. */
export class PetitionerService {
  private readonly cipher: PiiCipher;

  constructor(piiKey: Buffer) {
    this.cipher = new PiiCipher(piiKey);
  }

  /** Validates the petitioners of a new case; errors name `petitioners.<i>.<field>`. */
  prepare(inputs: PetitionerInput[]): Array<Omit<Petitioner, 'id' | 'caseId' | 'assignId'>> {
    return inputs.map((p, i) => {
      let idNumber: string | undefined;
      if (p.idNumber !== undefined && p.idNumber !== null && p.idNumber.trim() !== '') {
        const checked = validateIdNumber(p.idNumber);
        if (!checked.ok) throw badInput(`petitioners.${i}.idNumber`, checked.message);
        idNumber = checked.normalized;
      }
      let phone: string | undefined;
      if (p.phone !== undefined && p.phone !== null && p.phone.trim() !== '') {
        const checked = validatePhone(p.phone);
        if (!checked.ok) throw badInput(`petitioners.${i}.phone`, checked.message);
        phone = checked.normalized;
      }
      const address = p.address?.trim() || undefined;
      return {
        position: i,
        name: p.name.trim(),
        idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
        idNumberEnc: idNumber ? this.cipher.encrypt(idNumber) : null,
        idNumberHash: idNumber ? this.cipher.hash(idNumberMatchKey(idNumber)) : null,
        phoneMasked: phone ? maskPhone(phone) : null,
        phoneEnc: phone ? this.cipher.encrypt(phone) : null,
        phoneHash: phone ? this.cipher.hash(phoneMatchKey(phone)) : null,
        addressEnc: address ? this.cipher.encrypt(address) : null,
      };
    });
  }

  /** A copy of the stored petitioners for another case (a referral), keeping the encrypted values. */
  copyFor(rows: Petitioner[], caseId: string): Partial<Petitioner>[] {
    return rows.map(({ id: _id, caseId: _c, ...rest }) => ({ ...rest, caseId }));
  }

  /**
   * The full value of a personal field for a viewer holding the PII permission; every such read is audited.
   * Without the permission the ID number and address are null and the phone is masked.
   */
  async read(ctx: RequestContext, p: Petitioner, field: PiiField): Promise<string | null> {
    const user = ctx.user;
    const enc = field === 'idNumber' ? p.idNumberEnc : field === 'phone' ? p.phoneEnc : p.addressEnc;
    if (!user || !mayReadPii(user)) return field === 'phone' ? p.phoneMasked : null;
    if (!enc) return null;
    await ctx.loader(piiAuditWriter).load({ userId: user.id, petitionerId: p.id, field });
    return this.cipher.decrypt(enc);
  }

  /** Keyed hashes of the given petitioners' ID numbers and phones, for finding earlier cases. */
  matchKeys(rows: Array<Pick<Petitioner, 'idNumberHash' | 'phoneHash'>>): { idHashes: string[]; phoneHashes: string[] } {
    return {
      idHashes: rows.map((r) => r.idNumberHash).filter((h): h is string => !!h),
      phoneHashes: rows.map((r) => r.phoneHash).filter((h): h is string => !!h),
    };
  }
}

/** The form an ID number is matched by: a 15-digit legacy number and the 18-character one it became are one person. */
function idNumberMatchKey(normalized: string): string {
  return /^\d{15}$/.test(normalized) ? upgradeLegacyIdNumber(normalized) : normalized;
}

/**
 * The form a phone number is matched by: a Chinese number written with the country code (+86, 0086, or 86 before a
 * mobile) is the same number written nationally (a landline keeps its leading 0).
 */
function phoneMatchKey(normalized: string): string {
  const intl = /^(?:\+86|0086)(\d+)$/.exec(normalized) ?? /^86(1\d{10})$/.exec(normalized);
  if (!intl) return normalized;
  const national = intl[1];
  return /^1\d{10}$/.test(national) || national.startsWith('0') ? national : `0${national}`;
}
