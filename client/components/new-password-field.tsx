import { PASSWORD_MIN_LENGTH } from '../../shared/api';
import { useApp } from '../stores/app-context';
import { Field } from './field';

/** A password being chosen, with its minimum length said up front. */
export function NewPasswordField(props: {
  id: string;
  label: string;
  value: string;
  error: string | null;
  onInput(value: string): void;
}) {
  const { locale } = useApp();
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={locale.t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}
      error={props.error}
    >
      {(control) => (
        <input
          {...control}
          class="text-input"
          type="password"
          autocomplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
