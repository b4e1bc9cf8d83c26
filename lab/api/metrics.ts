// Counts the AWS operations the lab has been asked for, by name, for GET /_lab/metrics (benchmarks count API calls).
export class LabMetrics {
  private readonly operations = new Map<string, number>();

  count(operation: string): void {
    this.operations.set(operation, (this.operations.get(operation) ?? 0) + 1);
  }

  show(): { operations: Record<string, number> } {
    return { operations: Object.fromEntries(this.operations) };
  }
}
