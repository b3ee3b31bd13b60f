// A small typed GraphQL client: posts a generated document to /query and
// returns its typed data, or throws a RequestError that says what went wrong.
import type { TypedDocumentString } from '@/gql/graphql'
import { problemsOf, RequestError } from './errors'

/** endpoint is where the server answers GraphQL; the SPA is served by the same server. */
export const endpoint = '/query'

/** request sends one operation. Partial data with errors counts as a failure. */
export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<R> {
  let response: Response
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new RequestError('network', [{ message: 'network', code: 'NETWORK' }])
  }
  let body: { data?: R | null; errors?: unknown } | undefined
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  const problems = problemsOf(body?.errors)
  if (problems.length > 0) throw new RequestError('graphql', problems)
  if (!response.ok || body?.data == null) {
    throw new RequestError('http', [{ message: `HTTP ${response.status}`, code: `HTTP_${response.status}` }])
  }
  return body.data
}
