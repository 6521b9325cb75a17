import { describe, expect, it } from 'vitest';
import { API_ROUTES, apiPath } from './routes';
import { buildOpenApiDocument } from './openapi';
import { ACTION_ROLES, actionsOf, canPerform, canReviewLayer } from './roles';
import { JobCreateRequest, lockedFieldsIn } from './job-schemas';
import { httpErrorFor, isBrandlockAuthError, isBrandlockError, isBrandlockHttpError, isBrandlockValidationError } from './client-errors';

describe('route table and OpenAPI', () => {
  it('gives every route a unique operation id and a unique method + path', () => {
    const ids = API_ROUTES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = API_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('builds an OpenAPI 3.1 document with every route, security and JSON Schema bodies', () => {
    const doc = buildOpenApiDocument({ version: '1.2.3' });
    expect(doc.openapi).toBe('3.1.0');
    for (const r of API_ROUTES) expect(doc.paths[r.path][r.method], `${r.method} ${r.path}`).toBeDefined();
    const create = doc.paths['/v1/jobs'].post as any;
    expect(create.security).toEqual([{ bearer: [] }]);
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.properties.kind.enum).toEqual(['generate', 'moodboard', 'video', 'post', 'variants']);
    expect(schema.additionalProperties).toBe(false);
    expect(create.parameters.some((p: any) => p.name === 'Idempotency-Key' && p.in === 'header')).toBe(true);
    expect((doc.paths['/health'].get as any).security).toEqual([]);
    const getJob = doc.paths['/v1/jobs/{id}'].get as any;
    expect(getJob.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(getJob.responses['200'].content['application/json'].schema.properties.recipe.type).toBe('object');
    expect(() => JSON.stringify(doc)).not.toThrow();
  });

  it('percent-encodes path parameters so ids cannot escape their segment', () => {
    expect(apiPath('/v1/jobs/{id}/cancel', { id: '../tokens' })).toBe('/v1/jobs/..%2Ftokens/cancel');
    expect(() => apiPath('/v1/jobs/{id}', {})).toThrow(/missing path parameter "id"/);
  });
});

describe('roles', () => {
  it('lets only admins manage tokens and publish locks, and never lets designers decide reviews', () => {
    expect(ACTION_ROLES['tokens:manage']).toEqual(['admin']);
    expect(canPerform('art-director', 'locks:publish')).toBe(false);
    expect(canPerform('designer', 'review:decide')).toBe(false);
    expect(canPerform('retoucher', 'review:decide')).toBe(true);
    expect(canReviewLayer('retoucher', 'technical')).toBe(true);
    expect(canReviewLayer('retoucher', 'brand')).toBe(false);
    expect(canReviewLayer('art-director', 'brand')).toBe(true);
    expect(actionsOf('admin').length).toBe(Object.keys(ACTION_ROLES).length);
  });
});

describe('job requests', () => {
  it('names the locked parameters a client tries to set', () => {
    expect(lockedFieldsIn({ kind: 'generate', steps: 50, prompt: 'x', count: 2 })).toEqual(['prompt', 'steps']);
    expect(lockedFieldsIn(null)).toEqual([]);
  });

  it('accepts what the lock leaves open and refuses unknown members', () => {
    expect(JobCreateRequest.safeParse({ kind: 'generate', brief: 'b1', sku: 'NF-1', count: 2, seedVariation: 3 }).success).toBe(true);
    expect(JobCreateRequest.safeParse({ kind: 'generate', count: 99 }).success).toBe(false);
    expect(JobCreateRequest.safeParse({ kind: 'generate', sources: ['sha256:abc'] }).success).toBe(false);
    expect(JobCreateRequest.safeParse({ kind: 'generate', extra: 1 }).success).toBe(false);
  });
});

describe('client errors', () => {
  it('are recognised by name, so guards work across realms', () => {
    const e = httpErrorFor('get', 'http://x/v1/me', 401, 'unauthorized', 'no token');
    expect(e.message).toBe('GET http://x/v1/me: 401 no token');
    expect(isBrandlockAuthError(e) && isBrandlockHttpError(e) && isBrandlockError(e)).toBe(true);
    const foreign = { name: 'BrandlockValidationError', message: 'from another realm' };
    expect(isBrandlockValidationError(foreign)).toBe(true);
    expect(isBrandlockError(new Error('x'))).toBe(false);
  });
});
