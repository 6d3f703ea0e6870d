// Foothold's service worker: the check-in opens without a network. The check-in page comes
// from the network when there is one (and is kept); our assets are kept by their hashed URLs.
// Nothing else is cached: other pages hold health data that has no business on the device.
const CACHE = 'foothold-__VERSION__';
const KEEP = __KEEP__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(KEEP)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/logout') {
    // Logging out forgets the kept check-in page: the device may be shared.
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname === '/checkin') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && !url.search) {
            const copy = response.clone();
            caches.open(CACHE).then((c) => c.put('/checkin', copy));
          }
          return response;
        })
        .catch(() => caches.match('/checkin').then((kept) => kept || Response.error())),
    );
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
  }
});

// Reminders as notifications: what and a link, never health data (see push.rs).
self.addEventListener('push', (event) => {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch { data = {}; }
  const url = typeof data.url === 'string' && data.url.startsWith('/') ? data.url : '/';
  event.waitUntil(self.registration.showNotification(data.title || 'Foothold', {
    body: data.body || '',
    icon: __ICON__,
    data: { url },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
