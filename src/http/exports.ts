import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { AppRuntime } from '../app-runtime';
import { bearerToken } from '../auth/token.service';
import { RequestContext } from '../context/request-context';
import { ErrorCode } from '../errors/error-code';
import { mapError } from '../errors/error-mapper';

// The writers bring the Word and Excel libraries, about 40 MB of resident memory that an instance serving only lists,
// reads and pushes never uses (BENCHMARKS.md, "Soak"): each is loaded by the first export that needs it.
const writers = {
  ledger: () => require('../exports/ledger-files') as typeof import('../exports/ledger-files'),
  bulletin: () => require('../exports/bulletin-docx') as typeof import('../exports/bulletin-docx'),
  minutes: () => require('../exports/minutes-docx') as typeof import('../exports/minutes-docx'),
  flashReport: () => require('../exports/flash-report-docx') as typeof import('../exports/flash-report-docx'),
};

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MIME = 'text/csv; charset=utf-8';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** `attachment` with the UTF-8 file name (RFC 6266), and an ASCII fallback for old clients. */
const attachment = (name: string, fallback: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Files as plain HTTP GETs with the same bearer token as the API (never public URLs): the request is a signed-in
 * operation like any other, so what the viewer may not see answers 404 exactly as an unknown id does.
 */
export function exportRoutes(runtime: AppRuntime): Router {
  const router = Router();

  const context = async (req: Request): Promise<RequestContext> => {
    const auth = await runtime.services.auth.authenticate(runtime.db.dataSource, bearerToken(req.headers.authorization), runtime.sessions);
    return new RequestContext(runtime, auth, String(req.id ?? randomUUID()), req.ip ?? 'unknown', req.log ?? runtime.logger);
  };

  const refuse = (req: Request, res: Response, err: unknown) => {
    const mapped = mapError(err);
    if (mapped.internal) req.log?.error({ err }, 'export failed');
    if (mapped.code === ErrorCode.UNAUTHENTICATED) res.set('WWW-Authenticate', 'Bearer');
    res.status(STATUS[mapped.code] ?? 500).json({ error: { code: mapped.code, message: mapped.message } });
  };

  router.get('/exports/meetings/:id/minutes.docx', runtime.work.handler<{ id: string }>(async (req, res) => {
    try {
      const ctx = await context(req);
      const { title, minutes } = await runtime.services.meetings.concludedMinutes(ctx, req.params.id);
      const body = await writers.minutes().minutesDocx(minutes);
      res.set({ 'Content-Type': DOCX_MIME, 'Content-Disposition': attachment(`${title}纪要.docx`, 'minutes.docx'), 'Cache-Control': 'no-store' });
      res.send(body);
    } catch (err) {
      refuse(req, res, err);
    }
  }));

  // 快报 of one case; NOT_FOUND for whoever may not see its flash reports, exactly as for a case that has none
  router.get('/exports/flash-reports/:caseId.docx', runtime.work.handler<{ caseId: string }>(async (req, res) => {
    try {
      const ctx = await context(req);
      const sheet = await runtime.services.flashReports.sheet(ctx, req.params.caseId);
      const body = await writers.flashReport().flashReportDocx(sheet, runtime.config.officeTimeZone);
      res.set({ 'Content-Type': DOCX_MIME, 'Content-Disposition': attachment(`信访快报${sheet.serialNo}.docx`, 'flash-report.docx'), 'Cache-Control': 'no-store' });
      res.send(body);
    } catch (err) {
      refuse(req, res, err);
    }
  }));

  const text = (v: unknown) => (typeof v === 'string' ? v : '');

  // quarter omitted: the annual summary; a malformed number reaches the service's own check as NaN
  router.get('/exports/bulletin.docx', runtime.work.handler(async (req, res) => {
    try {
      const ctx = await context(req);
      const quarter = text(req.query.quarter);
      const bulletin = await runtime.services.bulletins.bulletin(ctx, {
        year: Number(text(req.query.year) || NaN),
        quarter: quarter ? Number(quarter) : null,
        unitId: text(req.query.unitId) || null,
      });
      const body = await writers.bulletin().bulletinDocx(bulletin, runtime.config.officeTimeZone);
      res.set({ 'Content-Type': DOCX_MIME, 'Content-Disposition': attachment(`${bulletin.title}.docx`, 'bulletin.docx'), 'Cache-Control': 'no-store' });
      res.send(body);
    } catch (err) {
      refuse(req, res, err);
    }
  }));

  // The scope and the period are checked before the first byte; after that the rows stream straight to the client.
  router.get(/^\/exports\/ledger\.(xlsx|csv)$/, runtime.work.handler(async (req, res) => {
    const format = (req.params as Record<string, string>)[0];
    let started = false;
    try {
      const ctx = await context(req);
      await runtime.services.ledger.stream(ctx, { from: text(req.query.from), to: text(req.query.to), unitId: text(req.query.unitId) || null }, async (ledger) => {
        res.set({
          'Content-Type': format === 'xlsx' ? XLSX_MIME : CSV_MIME,
          'Content-Disposition': attachment(`${ledger.title}.${format}`, `ledger.${format}`),
          'Cache-Control': 'no-store',
        });
        started = true;
        const files = writers.ledger();
        if (format === 'xlsx') await files.writeLedgerXlsx(res, '电子台帐', ledger.header, ledger.rows);
        else await files.writeLedgerCsv(res, ledger.header, ledger.rows);
      });
    } catch (err) {
      if (!started) return refuse(req, res, err);
      req.log?.error({ err }, 'ledger export failed midway');
      res.destroy(err as Error);
    }
  }));

  return router;
}
