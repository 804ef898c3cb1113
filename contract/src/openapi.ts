/**
 * The OpenAPI 3.1 document of the route table (routes.ts), for clients we do not write (a
 * till, a BI tool): the server serves it at GET /api/openapi.json. Made with zod's own JSON
 * Schema output (`z.toJSONSchema`, JSON Schema 2020-12, which OpenAPI 3.1 speaks): every named
 * schema of dto.ts, requests.ts and responses.ts is a component, and the operations refer to
 * them. Request schemas are described as a client writes them (defaults optional), answers as
 * the server sends them. Rules a JSON Schema cannot say (refinements: "give both or neither")
 * are the server's to enforce; its messages name the field.
 */
import { z } from "zod";
import * as dto from "./dto.js";
import * as requests from "./requests.js";
import * as responses from "./responses.js";
import { isFileContent, type RouteDef } from "./route-def.js";
import { ROUTES } from "./routes.js";
import { PERMISSIONS } from "./staff-roles.js";

type Json = Record<string, unknown>;

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
};

const ref = (id: string) => `#/components/schemas/${id}`;

/** `POST /api/sessions/:id/close` → `postSessionsByIdClose`. */
export function operationIdOf(key: string): string {
  const [method, path] = key.split(" ") as [string, string];
  const words = path
    .replace(/^\/api\//, "")
    .split(/[^A-Za-z0-9:]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith(":") ? `By${cap(w.slice(1))}` : cap(w)));
  return method.toLowerCase() + words.join("");
}
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The schemas a module exports, by name. */
function named(module: Record<string, unknown>): [string, z.ZodType][] {
  return Object.entries(module).filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType);
}

/** The JSON Schema of a registry's schemas as components, each referring to the others by $ref. */
function components(registry: z.core.$ZodRegistry<{ id: string }>, io: "input" | "output"): Record<string, Json> {
  const { schemas } = z.toJSONSchema(registry, { io, uri: ref, unrepresentable: "any" });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, id: _meta, ...rest } = schema as Json;
      return [id, rest];
    }),
  );
}

/** Path or query parameters from an object schema's properties. */
function parameters(schema: z.ZodType | undefined, where: "path" | "query"): Json[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: s,
  }));
}

function access(route: RouteDef): Json {
  if (route.by === "public") return { security: [] };
  if (route.by === "customer") return { security: [{ customerToken: [] }] };
  if (!route.may) return { security: [{ staffToken: [] }] };
  const { roles, what } = PERMISSIONS[route.may];
  return {
    security: [{ staffToken: [] }],
    description: `Staff whose role may ${what} (permission \`${route.may}\`: ${roles.join(", ")}).`,
    "x-permission": route.may,
    "x-roles": roles,
  };
}

/** The document of `routes` (the API's own table by default). */
export function openApiDocument(
  options: { version?: string; serverUrl?: string } = {},
  routes: Record<string, RouteDef> = ROUTES,
): OpenApiDocument {
  const inputs = z.registry<{ id: string }>();
  const outputs = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  for (const [name, schema] of named(requests)) {
    inputs.add(schema, { id: name });
    names.set(schema, name);
  }
  for (const [name, schema] of [...named(dto), ...named(responses)]) {
    outputs.add(schema, { id: name });
    names.set(schema, name);
  }
  /** A route's body or answer by name: its export's, or one made from the route's. */
  const nameOf = (schema: z.ZodType, registry: typeof inputs, fallback: string) => {
    let name = names.get(schema);
    if (!name) {
      name = fallback;
      registry.add(schema, { id: name });
      names.set(schema, name);
    }
    return name;
  };
  const json = (schema: z.ZodType) => ({ "application/json": { schema: { $ref: ref(names.get(schema)!) } } });
  const file = (types: readonly string[]) => Object.fromEntries(types.map((t) => [t, { schema: { type: "string", format: "binary" } }]));

  const paths: OpenApiDocument["paths"] = {};
  const pending: (() => void)[] = [];
  for (const [key, route] of Object.entries(routes)) {
    const [method, path] = key.split(" ") as [string, string];
    const operationId = operationIdOf(key);
    if (route.body && !isFileContent(route.body)) nameOf(route.body, inputs, `${cap(operationId)}Body`);
    if (route.response && !isFileContent(route.response)) nameOf(route.response, outputs, `${cap(operationId)}Response`);
    // The operation is written once every schema has its name (after the loop).
    pending.push(() => {
      const success = route.status ?? 200;
      const answer = (status: number): Json =>
        route.response === null
          ? { description: "Done; no content" }
          : isFileContent(route.response)
            ? { description: `The ${route.response.what}`, content: file(route.response.file) }
            : { description: status < 300 ? "Success" : "See the body", content: json(route.response) };
      const operation: Json = {
        operationId,
        summary: route.summary,
        tags: [path.split("/")[2]],
        ...access(route),
        parameters: [...parameters(route.params, "path"), ...parameters(route.query, "query")],
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: isFileContent(route.body) ? file(route.body.file) : json(route.body),
              },
            }
          : {}),
        responses: {
          [success]: answer(success),
          ...Object.fromEntries((route.alsoStatus ?? []).map((s) => [s, answer(s)])),
          default: { description: "An error: its code and a message naming what is wrong", content: json(responses.ErrorResponse) },
        },
      };
      const openApiPath = path.replace(/:([A-Za-z]+)/g, "{$1}");
      paths[openApiPath] = { ...paths[openApiPath], [method.toLowerCase()]: operation };
    });
  }
  for (const write of pending) write();

  const schemas = { ...components(outputs, "output"), ...components(inputs, "input") };
  return {
    openapi: "3.1.0",
    info: {
      title: "Ordered",
      version: options.version ?? "0.1.0",
      description:
        "Realtime ordering for restaurants, bars and venues. REST for reading and managing; live events and orders go over Socket.IO (contract/src/events.ts). Money is integer minor units; times are ISO 8601 in UTC.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas,
      securitySchemes: {
        staffToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A staff token from POST /api/auth/login" },
        customerToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A phone's token from POST /api/sessions/join" },
      },
    },
  };
}
