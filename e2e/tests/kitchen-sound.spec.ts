// The kitchen display when the browser blocks its sound (issue 14): after a reload nobody has
// touched the screen, so the browser lets no sound play; the display asks for a tap, one tap
// with a finger enables the sound, and the sound switch is remembered. Screenshot at 1024×768.
//
// Playwright's queries count as touches here: Chromium takes every one of them as the user's
// activation of the page (see untouchedView), so until the tap the screen is watched without them.
import { expect, test } from "../support/fixtures.js";
import { openDisplay, TABLET, untouchedView } from "../support/kitchen.js";

// The config's Chromium has the usual autoplay policy: sound only once the page has had a
// gesture. A trace's DOM snapshots are left out: their recorder reads each new document's
// title with a user gesture, which would let the reloaded display play sound before anyone touched it.
test.use({ trace: { mode: "retain-on-failure", snapshots: false } });

test("after a reload the display asks for a tap to enable sound; one tap with a finger enables it; the sound switch is remembered", async ({
  browser,
  venue,
}) => {
  const kitchenId = venue.stations.find((s) => s.name === "Kitchen")!.id;
  const { context, page } = await openDisplay(browser, kitchenId, venue.owner, TABLET);
  try {
    const prompt = page.getByRole("button", { name: /Tap to enable sound/ });
    await expect(prompt).toHaveCount(0); // the login's tap unlocked it
    const sound = page.getByRole("button", { name: "New-ticket sound" });
    await expect(sound).toHaveAttribute("aria-pressed", "true");

    // Reloaded, the screen has not been touched: the browser blocks sound and the display says so.
    const untouched = await untouchedView(page);
    await page.reload();
    const blocked = await untouched.waitFor(() => {
      const button = Array.from(document.querySelectorAll("button")).find((b) => b.textContent?.includes("Tap to enable sound"));
      const box = button?.getBoundingClientRect();
      const live = document.querySelector('[role="status"]')?.getAttribute("data-state") === "live";
      return live && box && { x: box.x + box.width / 2, y: box.y + box.height / 2, activated: navigator.userActivation.hasBeenActive };
    }, "no 'Tap to enable sound' on the live display after the reload (did something activate the page before the display made its audio?)");
    expect(blocked.activated).toBe(false);
    await untouched.screenshot(test.info().outputPath("kitchen-sound-blocked-1024x768.png"));
    // One tap with a finger (the browser counts it as the finger lifts) enables the sound.
    await page.touchscreen.tap(blocked.x, blocked.y);
    await expect(prompt).toHaveCount(0);

    // The sound switch is remembered; switched off, an untouched screen has nothing to enable.
    await sound.click();
    await expect(sound).toHaveAttribute("aria-pressed", "false");
    await page.reload();
    const off = await untouched.waitFor(() => {
      const button = Array.from(document.querySelectorAll("button")).find((b) => b.textContent?.includes("New-ticket sound"));
      return (
        button && {
          pressed: button.getAttribute("aria-pressed"),
          prompt: document.body.textContent?.includes("Tap to enable sound"),
          activated: navigator.userActivation.hasBeenActive,
        }
      );
    }, "the display did not come back after the reload");
    expect(off).toEqual({ pressed: "false", prompt: false, activated: false });
  } finally {
    await context.close();
  }
});
