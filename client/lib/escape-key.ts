/**
 * A keydown handler for a part of the page that Escape closes: it runs
 * `close` unless something inside (a list of mentions, an inner form) has
 * already taken that Escape, and then takes it, so what is around stays.
 */
export function closeOnEscape(close: () => void, when: () => boolean = () => true) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !when()) return;
    event.preventDefault();
    close();
  };
}
