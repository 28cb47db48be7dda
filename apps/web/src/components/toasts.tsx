import type { Toast } from '../app/session';

export function Toasts(props: { toasts: readonly Toast[]; onDismiss(id: number): void }) {
  return (
    <div className="toasts" role="region" aria-label="Notifications" aria-live="assertive">
      {props.toasts.map((toast) => (
        <div key={toast.id} className="toast" role="alert" data-code={toast.code}>
          <div className="toast-text">
            <strong>{toast.title}</strong>
            {toast.detail && <p>{toast.detail}</p>}
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => props.onDismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
