// Typed readings of cluster-query-language values: registration dates, agent versions, task counts and patterns.

// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html lists
// 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28 and 2018-06-18.
const datePattern = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?)?$/;
const versionPattern = /^\d+(?:\.\d+)*$/;
const countPattern = /^\d+$/;

/** Epoch seconds of a registeredAt value (UTC when it names no zone), or undefined if it is not a date. */
export function parseCqlDate(value: string): number | undefined {
  if (!datePattern.test(value)) return undefined;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  // Date.parse would roll 2018-02-30 over to March 2.
  if (calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day) return undefined;
  const millis = Date.parse(value.length === 19 ? `${value}Z` : value);
  if (Number.isNaN(millis)) return undefined;
  return Math.floor(millis / 1000);
}

export function isCqlVersion(value: string): boolean {
  return versionPattern.test(value);
}

/** Compares dotted versions numerically, segment by segment (1.9 < 1.14.5); missing segments count as 0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

export function parseCqlCount(value: string): number | undefined {
  return countPattern.test(value) ? Number(value) : undefined;
}

const regexCache = new Map<string, RegExp>();

/**
 * ECS evaluates `=~` with java.util.regex `matches`, which must match the whole value, so the
 * pattern is anchored. Throws SyntaxError for a pattern JavaScript cannot compile.
 */
export function compileCqlPattern(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`);
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(pattern, regex);
  }
  return regex;
}
