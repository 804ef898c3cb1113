import {
  AvailabilityBody,
  CreateProductBody,
  type ProductDto,
  type ProductListResponse,
  type ProductResponse,
  UpdateProductBody,
} from "@ordered/contract";
import { Router } from "express";
import { z } from "zod";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { idParam, parse } from "../http/validate.js";
import { createProduct, getProduct, listProducts, setArchived, setAvailability, updateProduct } from "./products.service.js";

const ListQuery = z.strictObject({ archived: z.enum(["include", "exclude"]).default("exclude") });

/** Staff's menu management, always scoped to the staff's own location. Every change reaches open phones live. */
export function productRoutes(deps: AppDeps): Router {
  const router = Router();
  // After the response: a broadcast to thousands of phones must not hold up the staff.
  const answer = (res: { json(body: ProductResponse): unknown }, locationId: string, product: ProductDto, changed = true) => {
    res.json({ product });
    if (changed) deps.publisher.productChanged(locationId, product);
  };

  router.get("/", ...deps.guards.may("menu.view"), async (req, res) => {
    const query = parse(ListQuery, req.query, "query");
    res.json({
      products: await listProducts(deps.prisma, staffOf(req).locationId, query.archived === "include"),
    } satisfies ProductListResponse);
  });

  router.get("/:id", ...deps.guards.may("menu.view"), async (req, res) => {
    res.json({
      product: await getProduct(deps.prisma, staffOf(req).locationId, idParam(req.params.id, "product")),
    } satisfies ProductResponse);
  });

  router.post("/", ...deps.guards.may("menu.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    const product = await createProduct(deps.prisma, locationId, parse(CreateProductBody, req.body, "body"));
    res.status(201);
    answer(res, locationId, product);
  });

  router.patch("/:id", ...deps.guards.may("menu.edit"), async (req, res) => {
    const { locationId } = staffOf(req);
    const body = parse(UpdateProductBody, req.body, "body");
    answer(res, locationId, await updateProduct(deps.prisma, locationId, idParam(req.params.id, "product"), body));
  });

  router.put("/:id/availability", ...deps.guards.may("menu.stock"), async (req, res) => {
    const { locationId } = staffOf(req);
    const { available } = parse(AvailabilityBody, req.body, "body");
    const { product, changed } = await setAvailability(deps.prisma, locationId, idParam(req.params.id, "product"), available);
    answer(res, locationId, product, changed);
  });

  for (const [path, archived] of [
    ["archive", true],
    ["restore", false],
  ] as const) {
    router.post(`/:id/${path}`, ...deps.guards.may("menu.edit"), async (req, res) => {
      const { locationId } = staffOf(req);
      const { product, changed } = await setArchived(deps.prisma, locationId, idParam(req.params.id, "product"), archived);
      answer(res, locationId, product, changed);
    });
  }

  return router;
}
