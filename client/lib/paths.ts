/** Where the app shows a document (the `/d/:id` route in main.tsx). */
export function documentPath(documentId: string): string {
  return `/d/${encodeURIComponent(documentId)}`;
}
