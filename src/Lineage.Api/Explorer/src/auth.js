// The token prompt: a modal dialog shown when the API answers 401; the token lives in sessionStorage.
import { h } from './dom.js';

const KEY = 'lineage.token';
let pending = null;

export function getToken() {
  return sessionStorage.getItem(KEY) ?? '';
}

/**
 * Asks for a token and resolves once one is accepted by the API. Concurrent callers share one dialog.
 * `check(token)` returns true when the API accepts the token.
 */
export function askForToken(check, reason) {
  pending ??= new Promise((resolve) => {
    const error = h('p', { class: 'token-error', 'data-testid': 'token-error', role: 'alert', hidden: !reason }, reason ?? '');
    const input = h('input', {
      id: 'token-input', 'data-testid': 'token-input', type: 'password', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'lin_…', required: true,
    });
    const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'token-submit' }, 'Continue');
    const form = h('form', { method: 'dialog' },
      h('h2', { id: 'token-title' }, 'Access token needed'),
      h('p', {}, 'This Lineage service requires a bearer token. It is kept for this browser session only.'),
      h('label', { for: 'token-input' }, 'Token'),
      input, error,
      h('div', { class: 'dialog-actions' }, submit));
    const dialog = h('dialog', { class: 'token-dialog', 'data-testid': 'token-dialog', 'aria-labelledby': 'token-title' }, form);
    // Without a token nothing works: the dialog stays until one is accepted.
    dialog.addEventListener('cancel', (e) => e.preventDefault());
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const token = input.value.trim();
      if (!token) return;
      submit.disabled = true;
      error.hidden = true;
      let ok = false;
      try {
        ok = await check(token);
      } catch {
        error.textContent = 'Could not reach the service; try again.';
        error.hidden = false;
        submit.disabled = false;
        return;
      }
      submit.disabled = false;
      if (!ok) {
        error.textContent = 'That token was not accepted (unknown, revoked or expired).';
        error.hidden = false;
        input.select();
        return;
      }
      sessionStorage.setItem(KEY, token);
      dialog.close();
      dialog.remove();
      pending = null;
      resolve(token);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
  return pending;
}
