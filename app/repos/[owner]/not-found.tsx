/**
 * The repository layout (app/repos/[owner]/[repo]/layout.tsx) calls notFound() for a repository
 * that is not connected, before loading.tsx streams: a layout's notFound() is caught by its
 * parent segment's boundary, this one, so it shows the same page as the scorecard's own.
 */
export { default } from "./[repo]/not-found";
