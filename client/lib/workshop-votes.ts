/** My dots, by note id: what the server told me (GET /workshops/:id) and what I placed since. */
export type MyVotes = Readonly<Record<string, number>>;

export function dotsPlaced(votes: MyVotes): number {
  let total = 0;
  for (const count of Object.values(votes)) total += count;
  return total;
}

export function dotsLeft(budget: number, votes: MyVotes): number {
  return Math.max(0, budget - dotsPlaced(votes));
}

/**
 * My dots with `noteId` holding `count` of them, or null when that would go
 * over the budget (the server would refuse it anyway). Zero takes the note's
 * dots back.
 */
export function withDots(votes: MyVotes, noteId: string, count: number, budget: number): MyVotes | null {
  if (count < 0) return null;
  const { [noteId]: current = 0, ...others } = votes;
  if (count > current && dotsPlaced(others) + count > budget) return null;
  return count === 0 ? others : { ...others, [noteId]: count };
}
