/** An ASCII file name every file system keeps: `muster-campaign-loan-categories-2027-03-20-campaign-0192….csv`. */
export function campaignFileName(streamId: string, what: string, date: string, extension: string): string {
  const id = streamId.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 48);
  const kind = what.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
  return `muster-campaign-${kind}-${date}-${id}.${extension}`;
}
