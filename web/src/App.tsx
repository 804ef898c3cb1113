import { useEffect } from "react";
import { CenteredMessage } from "./components/CenteredMessage";
import { CustomerApp } from "./customer/CustomerApp";
import { navigate, usePath } from "./router";
import { StaffApp } from "./staff/StaffApp";
import { strings } from "./strings";

/** Routes: /panel and /panel/products (staff), /s/<joinCode> (customers); / goes to the panel. */
export function App() {
  const path = usePath();
  useEffect(() => {
    if (path === "/") navigate("/panel", { replace: true });
  }, [path]);

  const join = /^\/s\/([^/]+)\/?$/.exec(path);
  if (join) return <CustomerApp key={join[1]} code={safeDecode(join[1]!)} />;
  if (path === "/" || path === "/panel" || path === "/panel/") return <StaffApp page="sessions" />;
  if (path === "/panel/products") return <StaffApp page="products" />;
  return (
    <CenteredMessage title={strings.common.notFoundTitle}>
      <p>{strings.common.notFoundBody}</p>
    </CenteredMessage>
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // not a valid code either way; the join answers "not valid"
  }
}
