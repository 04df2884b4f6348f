import { createSignal, For, onMount, Show } from 'solid-js';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../shared/annotations/discussion';
import { QUOTE_MAX_LENGTH } from '../../shared/api/annotations';
import { closeOnEscape } from '../lib/escape-key';
import { isWebAddress } from '../lib/web-address';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { ErrorNotice } from './error-notice';
import { Field } from './field';
import { MentionTextarea, type MentionCandidate } from './mention-textarea';

/** What the composer gives, besides the anchor and the quote its caller holds. */
export interface ComposedAnnotation {
  kind: AnnotationKind;
  body: string;
  mentions: string[];
  citation?: { text: string; url: string | null };
  suggestion?: string;
}

type Problem = 'body' | 'citation' | 'url' | 'suggestion';

/** What is missing or wrong, field by field, before anything is sent. */
function problemsOf(value: ComposedAnnotation, quote: string): Partial<Record<Problem, true>> {
  const problems: Partial<Record<Problem, true>> = {};
  const needsBody = value.kind !== 'evidence' && value.kind !== 'suggestion';
  if (needsBody && value.body.trim() === '') problems.body = true;
  if (value.kind === 'evidence') {
    if (!value.citation?.text.trim()) problems.citation = true;
    if (value.citation?.url && !isWebAddress(value.citation.url)) problems.url = true;
  }
  if (value.kind === 'suggestion' && value.suggestion === quote) problems.suggestion = true;
  return problems;
}

/**
 * A new annotation on the quoted words: its kind, a message (with
 * mentions), and for evidence its source, for a suggestion the text
 * proposed instead (starting from the words themselves). Escape cancels.
 */
export function AnnotationComposer(props: {
  quote: string;
  members: readonly MentionCandidate[];
  onSubmit(value: ComposedAnnotation): Promise<unknown>;
  onCancel(): void;
}) {
  const { locale } = useApp();
  const [kind, setKind] = createSignal<AnnotationKind>('comment');
  const [body, setBody] = createSignal({ text: '', mentions: [] as string[] });
  const [citationText, setCitationText] = createSignal('');
  const [citationUrl, setCitationUrl] = createSignal('');
  const [suggestion, setSuggestion] = createSignal(props.quote.slice(0, QUOTE_MAX_LENGTH));
  const [tried, setTried] = createSignal(false);
  const submit = createAction((value: ComposedAnnotation) => props.onSubmit(value));
  let form!: HTMLFormElement;

  const value = (): ComposedAnnotation => ({
    kind: kind(),
    body: body().text.trim(),
    mentions: body().mentions,
    ...(kind() === 'evidence' ? { citation: { text: citationText().trim(), url: citationUrl().trim() || null } } : {}),
    ...(kind() === 'suggestion' ? { suggestion: suggestion() } : {}),
  });
  const problems = () => (tried() ? problemsOf(value(), props.quote) : {});

  const send = async () => {
    if (submit.pending()) return;
    setTried(true);
    const found = problemsOf(value(), props.quote);
    if (Object.keys(found).length > 0) {
      // The first field at fault, in the order they are shown.
      const first = found.citation ? 'annotation-citation-text' : found.url ? 'annotation-citation-url' : found.suggestion ? 'annotation-suggestion' : 'annotation-body';
      form.querySelector<HTMLElement>(`[data-testid="${first}"]`)?.focus();
      return;
    }
    await submit.run(value());
  };

  onMount(() => form.querySelector<HTMLElement>('[data-testid="annotation-body"]')?.focus());

  const optionalBody = () => kind() === 'evidence' || kind() === 'suggestion';

  return (
    <form
      ref={form}
      class="annotation-composer"
      data-testid="annotation-composer"
      aria-labelledby="annotation-composer-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      onKeyDown={closeOnEscape(
        () => props.onCancel(),
        () => !submit.pending(),
      )}
    >
      <h3 id="annotation-composer-title" class="annotation-composer-title">
        {locale.t('annotations.composer.title')}
      </h3>
      <blockquote class="annotation-quote" aria-label={locale.t('annotations.composer.about')}>
        {props.quote}
      </blockquote>
      <Field id="annotation-kind" label={locale.t('annotations.kind.label')}>
        {(control) => (
          <select {...control} class="text-input" onChange={(event) => setKind(event.currentTarget.value as AnnotationKind)}>
            <For each={ANNOTATION_KINDS}>
              {(option) => (
                <option value={option} selected={option === kind()}>
                  {locale.t(`annotations.kind.${option}`)}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <Show when={kind() === 'evidence'}>
        <Field
          id="annotation-citation-text"
          label={locale.t('annotations.citation.text')}
          hint={locale.t('annotations.citation.textHint')}
          error={problems().citation ? locale.t('annotations.citation.required') : null}
        >
          {(control) => (
            <input {...control} class="text-input" value={citationText()} maxLength={1000} onInput={(event) => setCitationText(event.currentTarget.value)} />
          )}
        </Field>
        <Field
          id="annotation-citation-url"
          label={locale.t('annotations.citation.url')}
          error={problems().url ? locale.t('annotations.citation.urlInvalid') : null}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              class="text-input"
              placeholder="https://"
              value={citationUrl()}
              maxLength={2000}
              onInput={(event) => setCitationUrl(event.currentTarget.value)}
            />
          )}
        </Field>
      </Show>
      <Show when={kind() === 'suggestion'}>
        <Field
          id="annotation-suggestion"
          label={locale.t('annotations.suggestion.label')}
          hint={locale.t('annotations.suggestion.hint')}
          error={problems().suggestion ? locale.t('annotations.suggestion.unchanged') : null}
        >
          {(control) => (
            <textarea
              {...control}
              class="text-input textarea"
              value={suggestion()}
              maxLength={QUOTE_MAX_LENGTH}
              onInput={(event) => setSuggestion(event.currentTarget.value)}
            />
          )}
        </Field>
      </Show>
      <div classList={{ 'annotation-body-invalid': !!problems().body }}>
        <MentionTextarea
          label={locale.t(optionalBody() ? 'annotations.body.optionalLabel' : 'annotations.body.label')}
          value={body().text}
          onChange={(text, mentions) => setBody({ text, mentions })}
          members={props.members}
          placeholder={locale.t('annotations.body.placeholder')}
          testId="annotation-body"
          onSubmit={() => void send()}
        />
        <Show when={problems().body}>
          <p class="field-error" role="alert">
            {locale.t('annotations.body.required')}
          </p>
        </Show>
      </div>
      <Show when={submit.error()}>{(error) => <ErrorNotice error={error()} message="annotations.createError" />}</Show>
      <div class="form-actions">
        <button type="submit" class="button primary" data-testid="annotation-submit" disabled={submit.pending()}>
          {submit.pending() ? locale.t('annotations.submitting') : locale.t('annotations.submit')}
        </button>
        <button type="button" class="button subtle" data-testid="annotation-cancel" disabled={submit.pending()} onClick={() => props.onCancel()}>
          {locale.t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
