/** Production records by SKU, job or date; the event log; production metrics over a period. */
import { Hono } from 'hono';
import { computeProductionMetrics } from '@brandlock/core';
import { AuditEventQuery, AuditQuery, MetricsQuery, type MetricsReport } from '@brandlock/core/api';
import { requireAction } from '../middleware/auth';
import { ApiError, parseOr400 } from '../middleware/api-error';
import { metricsRecords, queryRecords } from '../store/records';
import { listEvents } from '../store/audit-events';
import { CursorError } from '../store/cursor';
import type { AppEnv, RouteDeps } from './route-deps';

const METRICS_MAX_RECORDS = 200_000;

export function auditRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  const cursorErrors = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof CursorError) throw new ApiError(400, 'invalid_request', e.message);
      throw e;
    }
  };
  app.get('/v1/audit', requireAction('audit:read'), async (c) => {
    const q = parseOr400(AuditQuery, c.req.query(), 'query');
    return c.json(await cursorErrors(() => queryRecords(deps.db, q)));
  });
  app.get('/v1/audit/events', requireAction('audit:read'), async (c) => {
    const q = parseOr400(AuditEventQuery, c.req.query(), 'query');
    return c.json(await cursorErrors(() => listEvents(deps.db, q)));
  });
  app.get('/v1/metrics', requireAction('metrics:read'), async (c) => {
    const q = parseOr400(MetricsQuery, c.req.query(), 'query');
    const records = await metricsRecords(deps.db, { from: q.from, to: q.to, limit: METRICS_MAX_RECORDS + 1 });
    const report: MetricsReport = {
      ...computeProductionMetrics(records.slice(0, METRICS_MAX_RECORDS), { slaHours: deps.config.slaHours }),
      truncated: records.length > METRICS_MAX_RECORDS,
      from: q.from ? new Date(q.from).toISOString() : null,
      to: q.to ? new Date(q.to).toISOString() : null,
    };
    return c.json(report);
  });
  return app;
}
