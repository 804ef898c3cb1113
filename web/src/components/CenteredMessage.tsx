import type { ReactNode } from "react";
import "./CenteredMessage.css";

/** A full-screen message (errors, closed session, not found). */
export function CenteredMessage({
  title,
  children,
  tone = "neutral",
}: {
  title: string;
  children?: ReactNode;
  tone?: "neutral" | "error";
}) {
  return (
    <main className={`centered tone-${tone}`}>
      <div className="centered-card">
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
