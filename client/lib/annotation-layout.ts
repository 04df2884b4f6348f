/** A card in the margin beside the text. */
export interface MarginItem {
  id: string;
  /** The top of its words, in the margin's coordinates; null for a card without a place in the text (detached). */
  anchorTop: number | null;
  height: number;
}

/**
 * Where each card of the margin goes: level with its words where it can
 * be, below the card before it where that would overlap, and cards without
 * a place after all the others. The focused card is put exactly level with
 * its words, and those before it move up to make room, as far as the top.
 */
export function layoutMargin(items: readonly MarginItem[], focused: string | null, gap: number): Map<string, number> {
  const placed = items.filter((item) => item.anchorTop !== null).sort((a, b) => (a.anchorTop ?? 0) - (b.anchorTop ?? 0));
  const ordered = [...placed, ...items.filter((item) => item.anchorTop === null)];
  const tops = ordered.map((item) => Math.max(0, item.anchorTop ?? 0));
  const pushDown = (from: number) => {
    for (let i = Math.max(from, 0); i < ordered.length; i++) {
      const previous = i > 0 ? tops[i - 1]! + ordered[i - 1]!.height + gap : 0;
      tops[i] = ordered[i]!.anchorTop === null ? previous : Math.max(tops[i]!, previous);
    }
  };

  const pinned = focused === null ? -1 : placed.findIndex((item) => item.id === focused);
  if (pinned < 0) {
    pushDown(0);
  } else {
    for (let i = pinned - 1; i >= 0; i--) tops[i] = Math.min(tops[i]!, tops[i + 1]! - gap - ordered[i]!.height);
    // Not enough room above: everything from the top down, the focused card as high as it can be.
    if (tops[0]! < 0) {
      tops[0] = 0;
      pushDown(1);
    } else {
      pushDown(pinned + 1);
    }
  }
  return new Map(ordered.map((item, index) => [item.id, tops[index]!]));
}
