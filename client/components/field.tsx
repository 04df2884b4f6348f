import { Show, type JSX } from 'solid-js';

/** What a field's control spreads onto itself: its id (also its test id) and what ties it to the hint and the error. */
export interface FieldControl {
  readonly id: string;
  readonly 'data-testid': string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

/**
 * A label, a control, a hint and the error for one form field. The child
 * draws the control and spreads the `FieldControl` it is given onto it, so
 * screen readers hear the hint and the error with the label. A `<select>`
 * drawn so must also mark its chosen `<option selected>`: with a spread,
 * Solid sets the select's value before its options exist.
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  children: (control: FieldControl) => JSX.Element;
}) {
  const control: FieldControl = {
    get id() {
      return props.id;
    },
    get 'data-testid'() {
      return props.id;
    },
    get 'aria-invalid'() {
      return props.error ? true : undefined;
    },
    get 'aria-describedby'() {
      const ids = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean);
      return ids.length === 0 ? undefined : ids.join(' ');
    },
  };
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      {props.children(control)}
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error" role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
