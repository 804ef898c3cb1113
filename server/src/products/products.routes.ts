import type { ProductDto } from "@ordered/contract";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { handlers, type RouteHandler } from "../http/routes.js";
import { createProduct, getProduct, listProducts, setArchived, setAvailability, updateProduct } from "./products.service.js";

/** Staff's menu management, always scoped to the staff's own location. Every change reaches open phones live. */
export function productRoutes(deps: AppDeps) {
  // After the response: a broadcast to thousands of phones must not hold up the staff.
  const answer = (reply: (body: { product: ProductDto }) => void, locationId: string, product: ProductDto, changed = true) => {
    reply({ product });
    if (changed) deps.publisher.productChanged(locationId, product);
  };
  // Archive and restore: the same route but for the flag.
  const archive =
    (archived: boolean): RouteHandler<"POST /api/products/:id/archive" | "POST /api/products/:id/restore"> =>
    async ({ req, params, reply }) => {
      const { locationId } = staffOf(req);
      const { product, changed } = await setArchived(deps.prisma, locationId, params.id, archived);
      answer(reply, locationId, product, changed);
    };

  return handlers({
    "GET /api/products": async ({ req, query, reply }) => {
      reply({ products: await listProducts(deps.prisma, staffOf(req).locationId, query.archived === "include") });
    },

    "GET /api/products/:id": async ({ req, params, reply }) => {
      reply({ product: await getProduct(deps.prisma, staffOf(req).locationId, params.id) });
    },

    "POST /api/products": async ({ req, body, reply }) => {
      const { locationId } = staffOf(req);
      answer(reply, locationId, await createProduct(deps.prisma, locationId, body));
    },

    "PATCH /api/products/:id": async ({ req, params, body, reply }) => {
      const { locationId } = staffOf(req);
      answer(reply, locationId, await updateProduct(deps.prisma, locationId, params.id, body));
    },

    "PUT /api/products/:id/availability": async ({ req, params, body, reply }) => {
      const { locationId } = staffOf(req);
      const { product, changed } = await setAvailability(deps.prisma, locationId, params.id, body.available);
      answer(reply, locationId, product, changed);
    },

    "POST /api/products/:id/archive": archive(true),
    "POST /api/products/:id/restore": archive(false),
  });
}
