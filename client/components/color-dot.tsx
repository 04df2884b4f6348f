/** A participant's colour as a small disc; decorative, the name beside it carries the meaning. */
export function ColorDot(props: { color: string }) {
  return <span class="color-dot" style={{ 'background-color': props.color }} aria-hidden="true" />;
}
