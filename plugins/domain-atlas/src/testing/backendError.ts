import { ResponseError } from '@backstage/errors';

/** The ResponseError the client throws when the backend answers `status`. */
export async function backendError(
  status: number,
  message: string,
): Promise<ResponseError> {
  const response = new Response(
    JSON.stringify({
      error: { name: 'Error', message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    }),
    { status, headers: { 'content-type': 'application/json' } },
  );
  return ResponseError.fromResponse(response);
}
