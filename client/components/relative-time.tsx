import { createSignal, onCleanup } from 'solid-js';
import type { MessageKey } from '../i18n/en';
import { formatDateTime, formatPastTime } from '../i18n/format-time';
import type { MessageParams } from '../i18n/translate';
import { useApp } from '../stores/app-context';

const MINUTE = 60_000;

// One clock for every relative time on the page, ticking only while one is shown.
const [now, setNow] = createSignal(new Date());
let shown = 0;
let timer: ReturnType<typeof setInterval> | undefined;

function watchClock(): void {
  if (shown++ === 0) {
    setNow(new Date());
    timer = setInterval(() => setNow(new Date()), MINUTE);
  }
  onCleanup(() => {
    if (--shown === 0) clearInterval(timer);
  });
}

/**
 * A past moment in a sentence: `ago` ("Updated {when}") for the last week,
 * `on` ("Updated on {date}") before; the full date and time on hover.
 */
export function RelativeTime(props: { at: string; ago: MessageKey; on: MessageKey; params?: MessageParams; testId?: string }) {
  const { locale } = useApp();
  watchClock();
  const date = () => new Date(props.at);
  const text = () => {
    const time = formatPastTime(date(), now(), locale.locale());
    return time.kind === 'relative'
      ? locale.t(props.ago, { ...props.params, when: time.text })
      : locale.t(props.on, { ...props.params, date: time.text });
  };
  return (
    <time datetime={props.at} title={formatDateTime(date(), locale.locale())} data-testid={props.testId}>
      {text()}
    </time>
  );
}
