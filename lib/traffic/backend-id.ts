// Which backend answered: whoami's `Hostname:` line (the container id), read from the start of its reply.

const CONTAINER_ID = /^[0-9a-f]{12}$/;

/** The container id in a whoami reply, or null when the body names none. */
export function backendIdFromBody(body: string): string | null {
  const hostname = /^Hostname: *(\S+) *\r?$/m.exec(body)?.[1] ?? null;
  // Where containers cannot get their own kernel hostname, the lab names each with WHOAMI_NAME instead.
  const name = /^Name: *(\S+) *\r?$/m.exec(body)?.[1];
  if (name && CONTAINER_ID.test(name) && !(hostname && CONTAINER_ID.test(hostname))) return name;
  return hostname;
}
