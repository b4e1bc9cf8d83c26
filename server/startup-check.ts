// Validates the environment at server start; a bad value stops start-up with a message naming it.
import 'server-only';
import { ConfigError, getConfig } from '@/server/config';

try {
  getConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
