
-- AlterTable
ALTER TABLE "location" ADD COLUMN     "menu_language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "category" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "product" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "option_group" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "product_option" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "status_reason_code" JSONB;


-- The languages the phones speak (contract MENU_LANGUAGES); translations are JSON objects by language.
ALTER TABLE "location" ADD CONSTRAINT "location_menu_language_check" CHECK (menu_language IN ('en', 'de', 'fr', 'es', 'it'));
ALTER TABLE "category" ADD CONSTRAINT "category_translations_check" CHECK (jsonb_typeof(translations) = 'object');
ALTER TABLE "product" ADD CONSTRAINT "product_translations_check" CHECK (jsonb_typeof(translations) = 'object');
ALTER TABLE "option_group" ADD CONSTRAINT "option_group_translations_check" CHECK (jsonb_typeof(translations) = 'object');
ALTER TABLE "product_option" ADD CONSTRAINT "product_option_translations_check" CHECK (jsonb_typeof(translations) = 'object');
