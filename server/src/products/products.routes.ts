import { Router } from "express";
import type { AppDeps } from "../app.js";
import { staffOf } from "../auth/passport.js";
import { idParam, parse } from "../http/validate.js";
import { AvailabilityBody, CreateProductBody, UpdateProductBody } from "./products.schemas.js";
import { createProduct, listProducts, updateProduct } from "./products.service.js";

/** Staff's menu management, always scoped to the staff's own location. */
export function productRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(deps.guards.staff);

  router.get("/", async (req, res) => {
    res.json({ products: await listProducts(deps.prisma, staffOf(req).locationId) });
  });

  router.post("/", async (req, res) => {
    const body = parse(CreateProductBody, req.body, "body");
    res.status(201).json({ product: await createProduct(deps.prisma, staffOf(req).locationId, body) });
  });

  router.patch("/:id", async (req, res) => {
    const id = idParam(req.params.id, "product");
    const body = parse(UpdateProductBody, req.body, "body");
    const { product, availabilityChanged } = await updateProduct(deps.prisma, staffOf(req).locationId, id, body);
    res.json({ product });
    // After the response: a broadcast to thousands of phones must not hold up the staff.
    if (availabilityChanged) deps.publisher.productChanged(staffOf(req).locationId, product);
  });

  router.put("/:id/availability", async (req, res) => {
    const id = idParam(req.params.id, "product");
    const body = parse(AvailabilityBody, req.body, "body");
    const { product, availabilityChanged } = await updateProduct(deps.prisma, staffOf(req).locationId, id, body);
    res.json({ product });
    // After the response: a broadcast to thousands of phones must not hold up the staff.
    if (availabilityChanged) deps.publisher.productChanged(staffOf(req).locationId, product);
  });

  return router;
}
