const encoder = new TextEncoder();
// Byte → two hex digits, built once: the hex step runs for every event written and verified.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Hex SHA-256 via WebCrypto, which Node 20, service workers and extension pages all provide. */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += HEX[bytes[i]!];
  return hex;
}
