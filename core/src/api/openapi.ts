/**
 * Builds the OpenAPI 3.1 document from the route table. Request bodies and query parameters are
 * described as the server accepts them (zod input), responses as it sends them (zod output); OpenAPI
 * 3.1 schemas are JSON Schema 2020-12, which is what `z.toJSONSchema` writes.
 */
import { z } from 'zod';
import { API_ROUTES, type ApiRoute } from './routes';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', reused: 'inline' }) as Json;
  delete json.$schema;
  return json;
}

function queryParameters(query: z.ZodObject): Json[] {
  const json = schemaOf(query, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    description: typeof schema.description === 'string' ? schema.description : undefined,
    schema,
  }));
}

function operation(route: ApiRoute): Json {
  const parameters: Json[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (route.query) parameters.push(...queryParameters(route.query));
  for (const [name, description] of Object.entries(route.headers ?? {})) parameters.push({ name, in: 'header', required: false, description, schema: { type: 'string', maxLength: 200 } });
  const op: Json = {
    operationId: route.id,
    summary: route.summary,
    security: route.action ? [{ bearer: [] }] : [],
    responses: Object.fromEntries(
      Object.entries(route.responses).map(([status, r]) => [
        status,
        { description: r.description, ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: schemaOf(r.schema, 'output') } } } : r.contentType ? { content: { [r.contentType]: {} } } : {}) },
      ]),
    ),
  };
  if (route.action) op['x-brandlock-action'] = route.action;
  if (parameters.length) op.parameters = parameters;
  if (route.body) {
    op.requestBody =
      'binary' in route.body
        ? { required: true, description: route.body.description, content: { [route.body.contentType]: { schema: { type: 'string', contentMediaType: route.body.contentType } } } }
        : { required: true, content: { [route.body.contentType ?? 'application/json']: { schema: schemaOf(route.body.schema, 'input') } } };
  }
  return op;
}

/**
 * @example
 * const doc = buildOpenApiDocument({ version: '0.1.0' });
 * doc.paths['/v1/jobs'].post.operationId // 'createJob'
 */
export function buildOpenApiDocument(info: { version: string; serverUrl?: string }): Json & { paths: Record<string, Record<string, Json>> } {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of API_ROUTES as readonly ApiRoute[]) {
    paths[route.path] ??= {};
    paths[route.path][route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'brandlock',
      version: info.version,
      description: 'The brandlock server: Brand Lock versions, briefs, uploads, jobs, review, audit. Every route but /health needs `Authorization: Bearer <token>`.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A brandlock token (`brandlock token create`)' } } },
    paths,
  };
}
