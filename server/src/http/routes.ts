/**
 * The REST API, registered from the contract's route table (ROUTES, contract/src/routes.ts):
 * for each route, its guard (who may call it), its params, query and body parsed with the
 * table's schemas, then its handler. Handlers live with their feature (`<feature>.routes.ts`,
 * each a `handlers({...})` keyed by the table's names); app.ts hands them all to
 * registerRoutes, and the compiler refuses a route without a handler or a handler without a
 * route. In tests (config.env "test") every JSON answer is parsed with the route's response
 * schema too, so an answer that drifts from the contract fails the test that got it.
 */
import { isFileContent, ROUTES, type RouteDef, type RouteKey, type Routes } from "@ordered/contract";
import type { Request, RequestHandler, Response, Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { readFileBody } from "./file-body.js";
import { parse } from "./validate.js";

type Def<K extends RouteKey> = Routes[K];
type Parsed<D, Part extends string> = D extends { [P in Part]: infer S extends z.ZodType } ? z.output<S> : undefined;

/** The answer a handler gives: the route's JSON (checked in tests), nothing (204), or a file it sends itself through `res`. */
type ReplyArgs<D> = D extends { response: null }
  ? []
  : D extends { response: infer R extends z.ZodType }
    ? [body: z.input<R>, status?: number]
    : never;

/** What a route's handler is given: its request parsed as the table says, and how to answer. */
export interface RouteCall<K extends RouteKey> {
  params: Parsed<Def<K>, "params">;
  query: Parsed<Def<K>, "query">;
  /** The parsed JSON body, or a file body's bytes. */
  body: Def<K> extends { body: infer B } ? (B extends z.ZodType ? z.output<B> : Buffer) : undefined;
  req: Request;
  res: Response;
  /**
   * Sends the route's answer with its status from the table (`status`, 200 by default) or
   * one of its `alsoStatus`. Code after it runs after the answer is on its way (broadcasts).
   */
  reply(...args: ReplyArgs<Def<K>>): void;
}

export type RouteHandler<K extends RouteKey> = (call: RouteCall<K>) => Promise<void>;
export type RouteHandlers<K extends RouteKey = RouteKey> = { [P in K]: RouteHandler<P> };

/** A feature's handlers, keyed by the table's route names (each handler typed by its route). */
export function handlers<K extends RouteKey>(h: RouteHandlers<K>): RouteHandlers<K> {
  return h;
}

/**
 * Static segments before parameters at the same place (`/sessions/current` before
 * `/sessions/:id`), so the table's order does not decide which route a path reaches.
 */
function specificity(key: string): number[] {
  return key
    .split(" ")[1]!
    .split("/")
    .map((segment) => (segment.includes(":") ? 1 : 0));
}
function bySpecificity(a: string, b: string): number {
  const [x, y] = [specificity(a), specificity(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/** Route parameters: one that fails its schema names nothing, so it is NOT_FOUND ("order not found"). */
function parseParams(schema: z.ZodType, params: unknown): unknown {
  const result = schema.safeParse(params);
  if (!result.success) throw new AppError("NOT_FOUND", result.error.issues[0]?.message ?? "not found");
  return result.data;
}

function guardsOf(route: RouteDef, guards: AppDeps["guards"]): RequestHandler[] {
  if (route.by === "public") return [];
  if (route.by === "customer") return [guards.customer];
  return route.may ? guards.may(route.may) : [guards.staff];
}

/** Registers every route of the table on `router`, each with its handler from `all`. */
export function registerRoutes(router: Router, all: RouteHandlers, deps: Pick<AppDeps, "guards" | "config">): void {
  const checkAnswers = deps.config.env === "test";
  for (const key of (Object.keys(ROUTES) as RouteKey[]).sort(bySpecificity)) {
    const route: RouteDef = ROUTES[key];
    const handler = all[key] as RouteHandler<RouteKey>;
    const [method, path] = key.split(" ") as [string, string];
    const before = guardsOf(route, deps.guards);
    if (isFileContent(route.body)) before.push(readFileBody(route.body));
    const statuses = [route.status ?? 200, ...(route.alsoStatus ?? [])];
    const handle: RequestHandler = async (req, res) => {
      const call = {
        params: route.params ? parseParams(route.params, req.params) : undefined,
        query: route.query ? parse(route.query, req.query, "query") : undefined,
        body: route.body === undefined ? undefined : isFileContent(route.body) ? req.body : parse(route.body, req.body, "body"),
        req,
        res,
        reply(body?: unknown, status = statuses[0]!) {
          if (!statuses.includes(status)) throw new Error(`${key} answered ${status}; the route table says ${statuses.join(" or ")}`);
          if (route.response === null) return void res.status(status).end();
          if (checkAnswers && !isFileContent(route.response)) {
            // As the client reads it: dates as strings, undefined fields gone.
            const checked = (route.response as z.ZodType).safeParse(JSON.parse(JSON.stringify(body)));
            if (!checked.success) throw new Error(`${key} answered what its response schema refuses: ${z.prettifyError(checked.error)}`);
          }
          res.status(status).json(body);
        },
      } as RouteCall<RouteKey>;
      await handler(call);
      // A client that went away (a page closed mid-request) leaves nothing to answer: not a bug.
      if (!res.headersSent && !res.destroyed) throw new Error(`${key} sent no answer`);
    };
    router[method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete"](path, ...before, handle);
  }
}
