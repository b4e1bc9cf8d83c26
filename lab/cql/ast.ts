// Types of the ECS cluster query language: the parsed expression tree and the instance it is evaluated against.

/** The ECS fields an expression can test, besides `attribute:<name>`. */
export type CqlField =
  | 'agentConnected'
  | 'agentVersion'
  | 'ec2InstanceId'
  | 'registeredAt'
  | 'runningTasksCount'
  | 'task:group';

export type CqlTarget = { kind: 'attribute'; name: string } | { kind: 'field'; field: CqlField };

export type CqlComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=' | '=~' | '!~';

export type CqlExpression =
  | { type: 'or'; left: CqlExpression; right: CqlExpression }
  | { type: 'and'; left: CqlExpression; right: CqlExpression }
  | { type: 'not'; operand: CqlExpression }
  | { type: 'compare'; target: CqlTarget; operator: CqlComparisonOperator; value: string }
  | { type: 'in'; target: CqlTarget; negated: boolean; values: string[] }
  | { type: 'exists'; target: CqlTarget; negated: boolean };

export interface CqlSubject {
  /** Every attribute, built-ins like ecs.os-type included; null = present without a value. */
  attributes: Record<string, string | null>;
  agentConnected: boolean;
  /** The agent's version (e.g. 1.14.5); `agentVersion` comparisons are false without it. */
  agentVersion?: string;
  ec2InstanceId: string;
  /** Epoch seconds. */
  registeredAt: number;
  runningTasksCount: number;
  /** One entry per task on the instance (so a group repeats), e.g. 'service:Whoami'. */
  taskGroups: readonly string[];
}
