import { errorMessage } from "./audit-progress-model";

/**
 * What the add form says when `POST /api/repos` is refused: a sentence a person can act on, never
 * an HTTP status or a proxy's error page. The API's own sentences (a name that is not a
 * repository, one GitHub does not know) are written for people and are kept; anything else is
 * said by its status.
 */
export function addFailureSentence(status: number, body: unknown): string {
  const apiSays = errorMessage(body, "");
  switch (status) {
    case 400:
    case 404:
      return apiSays || "That repository was not found on GitHub, or Parity cannot see it.";
    case 401:
      return "Your session has ended: sign in again, then add the repository.";
    case 403:
      return apiSays.includes("GITHUB_TOKEN")
        ? apiSays
        : "Parity refused the request. Reload the page and try again; if it persists, you may not be allowed to add repositories.";
    case 413:
    case 415:
      return "Parity could not read the request. Reload the page and try again.";
    case 429:
      return "Too many requests in the last minute. Wait a minute, then try again.";
    case 502:
    case 503:
    case 504:
      return "GitHub or Parity's server did not answer in time. Try again in a minute.";
    default:
      return status >= 500
        ? "Something went wrong on Parity's server; nothing was added. Try again, and if it fails again, the server log says why."
        : "The repository could not be added. Reload the page and try again.";
  }
}
