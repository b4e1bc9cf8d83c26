// Validates the environment at server start; a bad value stops start-up with a message naming it.
import 'server-only';
import { ConfigError, getConfig } from '@/server/config';
import { profileRegion } from '@/server/settings/aws-profiles';

try {
  const { target } = getConfig();
  // AWS_PROFILE alone is enough when the profile names a region; without one every call would fail.
  if (target.kind === 'aws' && !target.region) {
    void profileRegion(target.profile).then((region) => {
      if (region) return;
      console.error(
        `Invalid console configuration:\n  AWS_REGION: not set, and profile ${target.profile ?? 'default'} names no region. Set AWS_REGION or add "region = …" to the profile in ~/.aws/config.`,
      );
      process.exit(1);
    });
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
