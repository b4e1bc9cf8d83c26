// The profiles in the shared AWS config and credentials files (names and regions, never secrets).
import 'server-only';
import { loadSharedConfigFiles } from '@smithy/core/config';

export interface AwsProfile {
  name: string;
  region: string | null;
}

// Non-profile sections of the config file keep their type as a prefix, e.g. `sso-session.my-sso`.
const NON_PROFILE_SECTION = /^(sso-session|services)\./;

export async function listAwsProfiles(): Promise<AwsProfile[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set(
    [...Object.keys(configFile), ...Object.keys(credentialsFile)].filter(
      (name) => !NON_PROFILE_SECTION.test(name),
    ),
  );
  return [...names].sort().map((name) => ({
    name,
    region: configFile[name]?.region ?? credentialsFile[name]?.region ?? null,
  }));
}

/** The region a profile names (the `default` profile when none is given), or null. */
export async function profileRegion(profile: string | null): Promise<string | null> {
  const name = profile ?? 'default';
  return (await listAwsProfiles()).find((p) => p.name === name)?.region ?? null;
}
