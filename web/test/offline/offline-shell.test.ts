import type { Rollup } from "vite";
import { describe, expect, it } from "vitest";
import { guestShell } from "../../offline/offline-shell";

type Chunk = Rollup.OutputChunk;

function chunk(fileName: string, facade: string, more: Partial<Chunk> & { css?: string[] } = {}): Chunk {
  const { css = [], ...rest } = more;
  return {
    type: "chunk",
    fileName,
    facadeModuleId: facade,
    isEntry: false,
    imports: [],
    dynamicImports: [],
    viteMetadata: { importedCss: new Set(css), importedAssets: new Set<string>() },
    ...rest,
  } as unknown as Chunk;
}

const bundle = (...chunks: Chunk[]): Rollup.OutputBundle => Object.fromEntries(chunks.map((c) => [c.fileName, c]));

describe("the guest's app shell (what /sw.js keeps for offline)", () => {
  it("is the entry, what it imports, its CSS, the guest's lazy chunks and its languages; never the staff's or the kitchen's", () => {
    const files = guestShell(
      bundle(
        chunk("assets/index-1.js", "/w/index.html", {
          isEntry: true,
          imports: ["assets/shared-1.js"],
          dynamicImports: ["assets/CustomerPage-1.js", "assets/StaffApp-1.js", "assets/KitchenApp-1.js", "assets/messages-de-1.js"],
          css: ["assets/index-1.css"],
        }),
        chunk("assets/shared-1.js", "/w/src/strings.ts"),
        chunk("assets/CustomerPage-1.js", "/w/src/customer/CustomerPage.tsx", { imports: ["assets/live-1.js", "assets/shared-1.js"] }),
        chunk("assets/live-1.js", "/w/src/realtime/use-live.ts"),
        chunk("assets/StaffApp-1.js", "/w/src/staff/StaffApp.tsx", { imports: ["assets/live-1.js", "assets/staff-only-1.js"] }),
        chunk("assets/staff-only-1.js", "/w/src/components/auth/LoginForm.tsx"),
        chunk("assets/KitchenApp-1.js", "/w/src/kitchen/KitchenApp.tsx"),
        chunk("assets/messages-de-1.js", "\0ordered-messages:de"),
      ),
    );
    expect(files).toEqual([
      "/assets/CustomerPage-1.js",
      "/assets/index-1.css",
      "/assets/index-1.js",
      "/assets/live-1.js",
      "/assets/messages-de-1.js",
      "/assets/shared-1.js",
    ]);
  });
});
