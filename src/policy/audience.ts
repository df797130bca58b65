import { Extensions } from 'type-graphql';

/**
 * Who may read a field of the API (deny by default: every field of every object type declares one, and a test
 * walks the schema for any that does not). An object type may declare the audience of all its fields; a field
 * may narrow it. Gated audiences are enforced when the schema is built (`enforceAudiences`): the field answers
 * null to anyone outside it. The others describe how the parent object is reached: through the policy's case
 * predicate, or filtered item by item by the policy.
 */
export enum Audience {
  /** Anyone, without signing in (public progress by query code, the login answer, the error-code list). */
  PUBLIC = 'PUBLIC',
  /** Any signed-in user (their own account, unit names). */
  SIGNED_IN = 'SIGNED_IN',
  /** Whoever may see the case the object belongs to; the object is only reached through the case predicate. */
  CASE_VIEWER = 'CASE_VIEWER',
  /** A list whose items the policy filters one by one for the viewer (a unit's share of a case). */
  CASE_PART = 'CASE_PART',
  /** The office staff of the congress that registered the case (the query code). */
  REGISTERING_OFFICE = 'REGISTERING_OFFICE',
  /** Holders of the PII permission in full; others get the masked form or null. Every full read is audited. */
  PII = 'PII',
  /** Whoever may see the matter: office staff whose scope holds it, or a unit that sees one of its cases. */
  MATTER_VIEWER = 'MATTER_VIEWER',
  /**
   * Whoever may see the joint meeting: its invited participants and the convening office's staff. The object is only
   * reached through the meeting policy (`mayViewMeeting` and its SQL form).
   */
  MEETING_VIEWER = 'MEETING_VIEWER',
  /**
   * Office staff of a congress reporting on it or on a congress below it (statistics, bulletins). The object is only
   * reached through the report policy (`reportScopeFor`); it holds figures, never a petitioner's data.
   */
  REPORT_VIEWER = 'REPORT_VIEWER',
  /**
   * The office's own records of a congress (领导接访 sessions, 快报): its office staff and those of the congresses above
   * it. The object is only reached through the policy (`mayViewCongressRecord`, `mayReceiveFlashReport`).
   */
  OFFICE_RECORD = 'OFFICE_RECORD',
  /** Administrators (user management). */
  ADMIN = 'ADMIN',
}

export const AUDIENCE_KEY = 'audience';

/** Declares the audience of an object type (for all its fields) or of one field. */
export const Visible = (audience: Audience) => Extensions({ [AUDIENCE_KEY]: audience });
