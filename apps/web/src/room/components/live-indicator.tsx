import { LIVE_LABELS, type LiveIndicatorState } from '../live-state';

export function LiveIndicator(props: { state: LiveIndicatorState; onRetry(): void }) {
  const { state } = props;
  return (
    <span className={`live-indicator live-${state}`} role="status" data-testid="live-indicator" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {LIVE_LABELS[state]}
      {(state === 'failed' || state === 'offline') && (
        <button type="button" className="link-button" onClick={props.onRetry}>
          Retry
        </button>
      )}
    </span>
  );
}
