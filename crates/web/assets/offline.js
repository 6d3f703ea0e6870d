// The check-in without a network. A check-in saved offline is kept on this device (with the
// version it was made on) and sent when the network returns; the server's version check
// still holds, so it never silently replaces a newer save: a conflict shows both versions.
// Without JavaScript the form works as always, online.
(() => {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
  const form = document.querySelector('form.checkin');
  if (!form) return;
  const KEY = 'foothold-offline-checkins';
  const status = document.getElementById('offline-status');
  const pending = () => {
    try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch { return []; }
  };
  const keep = (list) => localStorage.setItem(KEY, JSON.stringify(list));
  const say = (text) => { status.textContent = text; status.hidden = false; };
  // "Today" is the member's date in their own time zone (as the server counts it), which
  // can differ from the device's: a phone set to another zone, or near midnight.
  let today;
  try {
    today = new Intl.DateTimeFormat('en-CA', { timeZone: form.dataset.timeZone }).format(new Date());
  } catch {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  if (!navigator.onLine) {
    // A page kept from an earlier day opens as today's, empty.
    if (form.elements.day.value !== today) {
      form.elements.day.value = today;
      form.elements.version.value = '';
      for (const el of form.elements) {
        if (el.type === 'radio') el.checked = el.value === '';
        else if (el.type === 'checkbox') el.checked = false;
        else if (el.tagName === 'TEXTAREA' || el.name === 'new_strategy') el.value = '';
      }
    }
    say(form.dataset.offlineNow);
  }

  form.addEventListener('submit', (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    const day = form.elements.day.value;
    const body = new URLSearchParams(new FormData(form)).toString();
    keep(pending().filter((p) => p.day !== day).concat([{ day, body }]));
    say(form.dataset.offlineKept);
  });

  let sending = false;
  async function send() {
    if (sending) return;
    sending = true;
    try {
      for (const p of pending()) {
        let response;
        try {
          response = await fetch('/checkin', {
            method: 'POST',
            body: p.body,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            credentials: 'same-origin',
          });
        } catch {
          return; // still no network: try again when it returns
        }
        keep(pending().filter((q) => q.day !== p.day));
        if (response.ok && response.url.includes('saved=1')) {
          say(form.dataset.offlineSent);
          continue;
        }
        // A conflict, or something to fix: the server's page shows it with what was typed.
        const page = await response.text();
        document.open();
        document.write(page);
        document.close();
        return;
      }
    } finally {
      sending = false;
    }
  }
  window.addEventListener('online', send);
  if (navigator.onLine) send();
})();
