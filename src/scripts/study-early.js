// Runs before first paint: when self-test mode is on, answers start hidden instead of flashing.
// Kept in sync with SELF_TEST_KEY in src/scripts/study-storage.ts.
try {
  if (localStorage.getItem('study-guides:self-test') === 'on') document.documentElement.setAttribute('data-self-test', '');
} catch {
  // Storage blocked: self-test stays off and everything is visible.
}
