// The shape of ECS's Describe* answers: what was found, and a MISSING failure (with its full ARN) for each id that was not.

export interface DescribeFailure {
  arn: string;
  reason: 'MISSING';
}

export function describeMany<Found, View>(
  references: readonly string[],
  find: (reference: string) => Found | undefined,
  view: (found: Found) => View,
  arnOf: (id: string) => string,
): { found: View[]; failures: DescribeFailure[] } {
  const found: View[] = [];
  const failures: DescribeFailure[] = [];
  for (const reference of references) {
    const record = find(reference);
    if (record) found.push(view(record));
    else
      failures.push({
        arn: reference.startsWith('arn:') ? reference : arnOf(reference),
        reason: 'MISSING',
      });
  }
  return { found, failures };
}
