// Turning reminders as notifications on or off for this browser (the reminders page). Without
// JavaScript, or where the browser has no push, the page says so and e-mail still works.
(() => {
  const box = document.getElementById('push');
  if (!box) return;
  const on = box.querySelector('[data-push=on]');
  const off = box.querySelector('[data-push=off]');
  const status = box.querySelector('[role=status]');
  const csrf = box.dataset.csrf;
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return;
  box.querySelector('.needs-js').hidden = true;
  const say = (text) => { status.textContent = text; };
  const b64 = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const show = (subscribed) => { on.hidden = subscribed; off.hidden = !subscribed; };
  navigator.serviceWorker.register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => reg.pushManager.getSubscription())
    .then((sub) => show(Boolean(sub)))
    .catch(() => show(false));
  on.addEventListener('click', async () => {
    if ((await Notification.requestPermission()) !== 'granted') { say(box.dataset.denied); return; }
    const reg = await navigator.serviceWorker.ready;
    const { public_key: key } = await (await fetch('/api/v1/push/key')).json();
    const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: b64(key) });
    const r = await fetch('/api/v1/push/subscriptions', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(sub.toJSON()),
    });
    if (r.ok) { show(true); say(box.dataset.doneOn); }
  });
  off.addEventListener('click', async () => {
    const reg = await navigator.serviceWorker.ready;
    const sub = await reg.pushManager.getSubscription();
    if (sub) {
      await fetch('/api/v1/push/subscriptions', {
        method: 'DELETE', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ endpoint: sub.endpoint }),
      });
      await sub.unsubscribe();
    }
    show(false);
    say(box.dataset.doneOff);
  });
})();
