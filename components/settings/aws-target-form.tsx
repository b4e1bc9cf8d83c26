'use client';
// Picks the AWS region and shared-config profile this browser uses; the server keeps the choice in cookies.
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { awsTargetChoiceSchema, COMMERCIAL_REGIONS } from '@/lib/schemas/aws-target';
import { switchAwsTarget } from '@/server/settings/switch-aws-target';

export interface AwsTargetFormProps {
  region: string | null;
  profile: string | null;
  configuredProfile: string | null;
  profiles: { name: string; region: string | null }[];
}

export function AwsTargetForm({
  region,
  profile,
  configuredProfile,
  profiles,
}: AwsTargetFormProps) {
  const router = useRouter();
  const client = useQueryClient();
  const [values, setValues] = useState({
    region: region ?? '',
    profile: profile && profile !== configuredProfile ? profile : '',
  });
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const regionOf = (name: string) => profiles.find((p) => p.name === name)?.region;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-label="Switch AWS region and profile"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const parsed = awsTargetChoiceSchema.safeParse(values);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          setError({ message: issue.message, field: String(issue.path[0]) });
          return;
        }
        setPending(true);
        setError(null);
        const result = await switchAwsTarget(parsed.data).catch((e: unknown) => ({
          ok: false as const,
          error: { code: 'Failed', message: e instanceof Error ? e.message : String(e) },
        }));
        setPending(false);
        if (!result.ok) {
          setError(result.error);
          return;
        }
        await client.invalidateQueries();
        router.refresh();
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span>Region</span>
        <input
          className="input w-44 font-mono"
          name="region"
          list="aws-regions"
          value={values.region}
          placeholder="eu-west-1"
          aria-invalid={error?.field === 'region' ? true : undefined}
          aria-describedby={error ? 'aws-target-error' : undefined}
          onChange={(event) => setValues({ ...values, region: event.target.value })}
        />
        <datalist id="aws-regions">
          {COMMERCIAL_REGIONS.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span>Profile</span>
        <select
          className="input w-56"
          name="profile"
          value={values.profile}
          aria-invalid={error?.field === 'profile' ? true : undefined}
          onChange={(event) => {
            const name = event.target.value;
            // A profile brings its own region unless the viewer typed one for it.
            setValues({ profile: name, region: regionOf(name) ?? values.region });
          }}
        >
          <option value="">
            {configuredProfile ? `${configuredProfile} (AWS_PROFILE)` : 'default credential chain'}
          </option>
          {profiles
            .filter((p) => p.name !== configuredProfile)
            .map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
                {p.region ? ` (${p.region})` : ''}
              </option>
            ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? 'Switching…' : 'Switch'}
      </button>
      {error ? (
        <p
          id="aws-target-error"
          role="alert"
          className="w-full text-sm text-red-700 dark:text-red-400"
        >
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
