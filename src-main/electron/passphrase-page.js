// The clinic passphrase page's script: no inline script, no node, only `window.frontDesk.submit`
// from src-preload/passphrase.ts. Loaded by passphrase.html; copied beside it by electron.vite.config.ts.
/* global document, window */
'use strict';

(function () {
  const mode = new URLSearchParams(window.location.search).get('mode') === 'create' ? 'create' : 'unlock';
  const form = document.getElementById('form');
  const passphrase = document.getElementById('passphrase');
  const confirmation = document.getElementById('confirmation');
  const message = document.getElementById('message');
  const button = document.getElementById('submit');

  for (const element of document.querySelectorAll('[data-mode]')) {
    element.hidden = element.getAttribute('data-mode') !== mode;
  }
  button.textContent = mode === 'create' ? 'Set passphrase and open' : 'Open';
  passphrase.setAttribute('autocomplete', mode === 'create' ? 'new-password' : 'current-password');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    message.textContent = mode === 'create' ? 'Protecting the database…' : 'Checking…';
    window.frontDesk
      .submit(passphrase.value, mode === 'create' ? confirmation.value : undefined)
      .then((reply) => {
        if (reply.ok) {
          message.textContent = 'Opening…';
          return;
        }
        message.textContent = reply.message;
        button.disabled = false;
        passphrase.select();
      })
      .catch(() => {
        message.textContent = 'Something went wrong; try again.';
        button.disabled = false;
      });
  });
})();
