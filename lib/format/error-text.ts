// An error's message with its code once: ECS messages already end with "(Code).", validation messages do not.
export function withCode(message: string, code: string | null | undefined): string {
  if (!code || message.includes(`(${code})`)) return message;
  return `${message} (${code})`;
}
