-- AlterTable
ALTER TABLE "location" ADD COLUMN     "brand_color" TEXT,
ADD COLUMN     "cover_key" TEXT,
ADD COLUMN     "logo_key" TEXT;

-- The brand colour as the phone's CSS takes it: '#rrggbb', lower case. Its contrast with white
-- text (WCAG AA) is the API's check (contract brand-color.ts), not the database's.
ALTER TABLE "location" ADD CONSTRAINT "location_brand_color_hex" CHECK ("brand_color" IS NULL OR "brand_color" ~ '^#[0-9a-f]{6}$');
