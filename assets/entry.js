// An entry's page (e/<id>/, written by `ankommen-catalog publish --site`) opens the app with
// the entry's details when JavaScript runs; without it, the page itself is the entry.
const id = document.documentElement.dataset.entry;
if (id) location.replace(new URL(`../../?entry=${encodeURIComponent(id)}`, location.href));
