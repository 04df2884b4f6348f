import { Show } from 'solid-js';
import type { Author } from '../../shared/annotations/discussion';
import { ColorDot } from './color-dot';

/** Who wrote something, in their organisation's colour, as they were when they wrote it. */
export function AnnotationAuthor(props: { author: Author }) {
  return (
    <span class="annotation-author">
      <ColorDot color={props.author.organisationColor} />
      <span class="annotation-author-name">{props.author.name}</span>
      <Show when={props.author.organisationName}>
        <span class="annotation-author-organisation">{props.author.organisationName}</span>
      </Show>
    </span>
  );
}
