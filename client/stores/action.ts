import { createSignal, type Accessor } from 'solid-js';

export interface Action<Args extends unknown[], Result> {
  pending: Accessor<boolean>;
  /** The last failure, until the next attempt or `clearError`. */
  error: Accessor<unknown>;
  clearError(): void;
  /** Resolves to the result, or undefined when it failed (see `error`); never rejects. */
  run(...args: Args): Promise<Result | undefined>;
}

/**
 * Something the user asks for (submit a form, remove a member): whether it
 * is under way, to disable the button, and why it failed, to say so beside it.
 */
export function createAction<Args extends unknown[], Result>(perform: (...args: Args) => Promise<Result>): Action<Args, Result> {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  return {
    pending,
    error,
    clearError: () => setError(null),
    async run(...args) {
      setPending(true);
      setError(null);
      try {
        return await perform(...args);
      } catch (failure) {
        setError(() => failure);
        return undefined;
      } finally {
        setPending(false);
      }
    },
  };
}
