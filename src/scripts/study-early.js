// Runs before first paint. `data-js` lets the stylesheet keep the place of controls that their
// scripts show later (no layout shift); in self-test mode answers start hidden instead of flashing.
// Kept in sync with SELF_TEST_KEY in src/scripts/study-storage.ts.
document.documentElement.setAttribute('data-js', '');
try {
  if (localStorage.getItem('study-guides:self-test') === 'on') document.documentElement.setAttribute('data-self-test', '');
} catch {
  // Storage blocked: self-test stays off and everything is visible.
}
