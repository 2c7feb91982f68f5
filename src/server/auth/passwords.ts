import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's baseline parameters (19 MiB, 2 passes): slow enough to hurt
// guessing, fast enough (~50 ms) for an office server with two cores.
// Algorithm.Argon2id is a const enum (2), which type stripping cannot inline.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

// Verifying against this when the user does not exist keeps the response time the
// same, so timing does not tell which login names exist.
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("không-có-tài-khoản-này");
  await verifyPassword(await dummyHash, password);
}

/** A Vietnamese reason the password is too weak, or null. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > 200) return "Mật khẩu quá dài (tối đa 200 ký tự).";
  if (username && password.toLowerCase().includes(username.toLowerCase())) return "Mật khẩu không được chứa tên đăng nhập.";
  if (/^(.)\1+$/.test(password) || /^(0123456789|123456789|12345678|password|matkhau)/i.test(password))
    return "Mật khẩu quá dễ đoán.";
  return null;
}
