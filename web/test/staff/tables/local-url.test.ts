import { describe, expect, it } from "vitest";
import { localHostOf } from "../../../src/staff/tables/local-url";

describe("localHostOf", () => {
  it("names loopback hosts phones cannot reach", () => {
    expect(localHostOf("http://localhost:3000/s/abc")).toBe("localhost");
    expect(localHostOf("http://127.0.0.1:3461/t/x")).toBe("127.0.0.1");
    expect(localHostOf("http://127.1.2.3/t/x")).toBe("127.1.2.3");
    expect(localHostOf("http://[::1]:3000/s/abc")).toBe("::1");
    expect(localHostOf("http://0.0.0.0:3000/s/abc")).toBe("0.0.0.0");
    expect(localHostOf("http://app.localhost/s/abc")).toBe("app.localhost");
  });

  it("accepts addresses on the network and public names", () => {
    expect(localHostOf("http://192.168.1.20:3000/s/abc")).toBeNull();
    expect(localHostOf("https://order.example.com/t/x")).toBeNull();
    expect(localHostOf("http://10.0.0.5/t/x")).toBeNull();
  });

  it("ignores what is not a URL", () => {
    expect(localHostOf("")).toBeNull();
    expect(localHostOf(null)).toBeNull();
    expect(localHostOf("not a url")).toBeNull();
  });
});
