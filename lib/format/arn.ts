// Short names from ECS ARNs, for display (the full ARN stays in titles and actions).
export function arnName(arn: string): string {
  return arn.split('/').pop() ?? arn;
}

/** "arn:…:task-definition/Whoami:3" → "Whoami:3". */
export function taskDefinitionName(arn: string): string {
  return arn.split('task-definition/').pop() ?? arn;
}

export function shortId(id: string, length = 8): string {
  return id.length > length ? id.slice(0, length) : id;
}
