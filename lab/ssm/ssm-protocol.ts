// SSM's error names and paging for the lab's SSM operations.
import { AwsError } from '../api/errors';
import { paginate } from '../api/pagination';

export const invalidNextToken = () =>
  new AwsError('InvalidNextToken', 'The specified token is not valid.');
export const ssmValidation = (message: string) => new AwsError('ValidationException', message);
export const invalidActivationId = (id: string) =>
  new AwsError('InvalidActivationId', `Activation ID ${id} is not valid.`);

/** SSM paging: MaxResults/NextToken (default 50 items), a bad token is InvalidNextToken. */
export function paginateSsm<T>(
  items: readonly T[],
  input: { MaxResults?: number; NextToken?: string },
) {
  return paginate(items, {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    defaultSize: 50,
    badToken: invalidNextToken,
  });
}
