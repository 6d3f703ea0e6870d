// The skills timer, enhanced. Without JavaScript the timer is pure CSS (see
// library::timer_css); with it, this script adds what CSS cannot: the phase in words
// ("Breathe in" / "Breathe out") in a polite live region for screen-reader users, the time
// left, and a Stop button. All wording comes from the page's data attributes (translated
// on the server); nothing is fetched.
(() => {
  'use strict';
  const timer = document.getElementById('timer');
  if (!timer) return;
  const d = timer.dataset;
  const inhale = Number(d.in || 0), exhale = Number(d.out || 0), total = Number(d.total || 0);
  const start = timer.querySelector('a.start');
  if (!start || (!inhale && !total)) return;

  const status = document.createElement('p');
  status.className = 'phase';
  status.setAttribute('aria-live', 'polite');
  const left = document.createElement('p');
  left.className = 'left';
  const stop = document.createElement('button');
  stop.type = 'button';
  stop.className = 'secondary';
  stop.textContent = d.labelStop;
  stop.hidden = true;
  start.parentElement.after(status, left, stop);

  let tick = null;
  const clock = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

  function end(message) {
    clearInterval(tick);
    tick = null;
    stop.hidden = true;
    left.textContent = '';
    status.textContent = message;
    if (location.hash === '#timer') history.replaceState(null, '', location.pathname + location.search);
  }

  function run() {
    if (tick) clearInterval(tick);
    const began = Date.now();
    let phase = '';
    stop.hidden = false;
    const update = () => {
      const s = Math.floor((Date.now() - began) / 1000);
      if (total && s >= total) return end(d.labelDone);
      if (inhale) {
        const now = s % (inhale + exhale) < inhale ? d.labelIn : d.labelOut;
        if (now !== phase) status.textContent = phase = now;
      }
      if (total) left.textContent = d.labelLeft.replace('{time}', clock(total - s));
    };
    update();
    tick = setInterval(update, 250);
  }

  start.addEventListener('click', run);
  stop.addEventListener('click', () => end(d.labelStopped));
  if (location.hash === '#timer') run();
})();
