// Onboarding: where the time zone field still holds the server's guess ("UTC"), put in the
// zone this browser reports, and say so. Without JavaScript the member picks from the list.
(() => {
  const field = document.querySelector('input[data-detect-time-zone]');
  if (!field || field.value !== 'UTC') return;
  let zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (_) { return; }
  if (!zone || zone === 'UTC') return;
  field.value = zone;
  const note = document.getElementById('time_zone-detected');
  if (note) note.hidden = false;
})();
