const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN']);
const NO_ROUTE = new Set(['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN']);
const CUT = new Set(['ECONNRESET', 'EPIPE']);

/**
 * What a failed connection to the clinic's server means, in words an administrator can act on. Node's
 * own text ("connect ECONNREFUSED 127.0.0.1:8443") is what the desk showed before, under "Last error".
 * One conditional expression, so the refusals catalogue (scripts/refusal-templates.ts) finds each wording.
 */
export function unreachableSentence(host: string, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message =
    code === 'ECONNREFUSED'
      ? `The server at ${host} is not answering: nothing accepts connections there. Is it running?`
      : NOT_FOUND.has(code)
        ? `No computer named ${host} can be found on the network.`
        : NO_ROUTE.has(code)
          ? `The server at ${host} cannot be reached: check this computer's network connection.`
          : CUT.has(code)
            ? `The server at ${host} closed the connection before answering.`
            : `The server at ${host} cannot be reached (${error.message}).`;
  return message;
}
