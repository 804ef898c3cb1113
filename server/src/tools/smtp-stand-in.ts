// A faithful stand-in for a venue's mail server (issue 33, e-mailed receipts): a real SMTP server
// (smtp-server, nodemailer's own) on a loopback port, speaking the real protocol to the real
// client library, keeping what it receives parsed (recipients, subject, the text and HTML parts),
// and able to refuse on command. For the server tests (test/sessions/receipt-mail.test.ts) and the
// e2e suite (e2e/support/global-setup.ts, from dist); smtp-server is a devDependency, so nothing
// a production server runs imports this.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  /** Every header, names lower-cased (the last of a repeated one). */
  headers: Record<string, string>;
  /** The parts by media type (text/plain, text/html), decoded to text. */
  parts: Record<string, string>;
  raw: string;
}

export interface SmtpStandIn {
  /** `smtp://127.0.0.1:<port>`: SMTP_URL for the server under test. */
  url: string;
  port: number;
  received: ReceivedMail[];
  /** The next `n` mails are refused with a 451 (a temporary failure the sender must report). */
  refuseNext(n?: number): void;
  close(): Promise<void>;
}

export interface SmtpStandInOptions {
  /** The port to listen on; 0 (the default): a free one. */
  port?: number;
  /** Called with each mail taken (the e2e suite writes them where its tests read them). */
  onMail?: (mail: ReceivedMail) => void;
}

export async function startSmtpStandIn(options: SmtpStandInOptions = {}): Promise<SmtpStandIn> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to make, and nodemailer upgrades only when offered.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals -= 1;
          const err = Object.assign(new Error("mailbox unavailable, try again later"), { responseCode: 451 });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(raw),
          raw,
        };
        received.push(mail);
        options.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuseNext(n = 1) {
      refusals = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Just enough MIME for what nodemailer writes: headers (folded, RFC 2047 words), multipart, quoted-printable and base64. */
function parseMessage(raw: string): Pick<ReceivedMail, "headers" | "subject" | "parts"> {
  const { headers, body } = splitHeaders(raw);
  const parts: Record<string, string> = {};
  collectParts(headers, body, parts);
  return { headers, subject: decodeWords(headers.subject ?? ""), parts };
}

function splitHeaders(entity: string): { headers: Record<string, string>; body: string } {
  const end = entity.indexOf("\r\n\r\n");
  const head = end < 0 ? entity : entity.slice(0, end);
  const body = end < 0 ? "" : entity.slice(end + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function collectParts(headers: Record<string, string>, body: string, out: Record<string, string>) {
  const type = (headers["content-type"] ?? "text/plain").split(";")[0]!.trim().toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
    if (!boundary) return;
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      const part = splitHeaders(chunk.replace(/^\r\n/, ""));
      collectParts(part.headers, part.body, out);
    }
    return;
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, "utf8");
  out[type] = bytes.toString("utf8");
}

function decodeQuotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), adjacent ones joined. */
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")).toString("utf8"),
    );
}
