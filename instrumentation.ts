// Runs once when the console's server starts: the Node.js part checks the configuration.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('@/server/startup-check');
}
