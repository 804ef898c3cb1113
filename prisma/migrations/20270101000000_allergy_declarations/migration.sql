
-- CreateTable
CREATE TABLE "allergy_declaration" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "customer_id" UUID,
    "seat" SMALLINT,
    "allergens" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "diets" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "changed_by_id" UUID,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "allergy_declaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allergy_ack" (
    "ticket_id" UUID NOT NULL,
    "declaration_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "allergens" TEXT[],
    "diets" TEXT[],
    "note" TEXT,
    "acked_by_id" UUID,
    "acked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "allergy_ack_pkey" PRIMARY KEY ("ticket_id","declaration_id","version")
);

-- CreateIndex
CREATE UNIQUE INDEX "allergy_declaration_session_id_customer_id_key" ON "allergy_declaration"("session_id", "customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "allergy_declaration_session_id_seat_key" ON "allergy_declaration"("session_id", "seat");

-- CreateIndex
CREATE INDEX "allergy_ack_declaration_id_idx" ON "allergy_ack"("declaration_id");

-- AddForeignKey
ALTER TABLE "allergy_declaration" ADD CONSTRAINT "allergy_declaration_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "order_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allergy_declaration" ADD CONSTRAINT "allergy_declaration_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allergy_declaration" ADD CONSTRAINT "allergy_declaration_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allergy_ack" ADD CONSTRAINT "allergy_ack_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allergy_ack" ADD CONSTRAINT "allergy_ack_declaration_id_fkey" FOREIGN KEY ("declaration_id") REFERENCES "allergy_declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allergy_ack" ADD CONSTRAINT "allergy_ack_acked_by_id_fkey" FOREIGN KEY ("acked_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A declaration is a phone's or a seat's, never both; seats as the order pad numbers them.
ALTER TABLE "allergy_declaration" ADD CONSTRAINT "allergy_declaration_guest_check" CHECK ((customer_id IS NULL) <> (seat IS NULL));
ALTER TABLE "allergy_declaration" ADD CONSTRAINT "allergy_declaration_seat_check" CHECK (seat IS NULL OR seat BETWEEN 1 AND 99);
ALTER TABLE "allergy_declaration" ADD CONSTRAINT "allergy_declaration_version_check" CHECK (version >= 1);
ALTER TABLE "allergy_declaration" ALTER COLUMN "allergens" SET NOT NULL, ALTER COLUMN "diets" SET NOT NULL;
ALTER TABLE "allergy_ack" ALTER COLUMN "allergens" SET NOT NULL, ALTER COLUMN "diets" SET NOT NULL;
-- The kitchen's acknowledgements are its record: never edited.
CREATE FUNCTION allergy_ack_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'allergy acknowledgements are a record: they are never changed' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER allergy_ack_immutable BEFORE UPDATE ON "allergy_ack" FOR EACH ROW EXECUTE FUNCTION allergy_ack_immutable();
