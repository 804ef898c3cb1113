import { AvailabilityBody, CreateProductBody, type ProductListResponse, type ProductResponse, UpdateProductBody } from "@ordered/contract";
import { type Request, type Response, Router } from "express";
import type { z } from "zod";
import { staffOf } from "../auth/passport.js";
import type { AppDeps } from "../deps.js";
import { idParam, parse } from "../http/validate.js";
import { createProduct, listProducts, updateProduct } from "./products.service.js";

/** Staff's menu management, always scoped to the staff's own location. */
export function productRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(deps.guards.staff);

  router.get("/", async (req, res) => {
    res.json({ products: await listProducts(deps.prisma, staffOf(req).locationId) } satisfies ProductListResponse);
  });

  router.post("/", async (req, res) => {
    const body = parse(CreateProductBody, req.body, "body");
    res.status(201).json({ product: await createProduct(deps.prisma, staffOf(req).locationId, body) } satisfies ProductResponse);
  });

  /** Any change (PATCH), or only availability (PUT …/availability, the sold-out toggle). */
  const update = (schema: z.ZodType<z.output<typeof UpdateProductBody>>) => async (req: Request, res: Response) => {
    const { locationId } = staffOf(req);
    const body = parse(schema, req.body, "body");
    const { product, availabilityChanged } = await updateProduct(deps.prisma, locationId, idParam(req.params.id, "product"), body);
    res.json({ product } satisfies ProductResponse);
    // After the response: a broadcast to thousands of phones must not hold up the staff.
    if (availabilityChanged) deps.publisher.productChanged(locationId, product);
  };
  router.patch("/:id", update(UpdateProductBody));
  router.put("/:id/availability", update(AvailabilityBody));

  return router;
}
