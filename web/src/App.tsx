import { useState, type FormEvent } from "react";
import type { StaffDto } from "../../server/src/dto";

/** Placeholder shell until the staff panel and customer page land (issue 5). */
export function App() {
  const [staff, setStaff] = useState<StaffDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function login(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const res = await fetch("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    });
    const body = await res.json();
    if (!res.ok) return setError(body.error?.message ?? "Login failed");
    setError(null);
    setStaff(body.staff);
  }

  if (staff) return <main><h1>Ordered</h1><p>Signed in as {staff.displayName} at {staff.location.name}.</p></main>;
  return (
    <main>
      <h1>Ordered</h1>
      <form onSubmit={login} aria-label="Staff login">
        <label>Email <input name="email" type="email" autoComplete="username" required /></label>
        <label>Password <input name="password" type="password" autoComplete="current-password" required /></label>
        <button type="submit">Log in</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}
