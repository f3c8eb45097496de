// Before first paint (inlined in every page): `data-js` keeps the place of controls shown by scripts;
// self-test mode hides answers. Key as SELF_TEST_KEY in src/scripts/study-storage.ts.
document.documentElement.setAttribute('data-js', '');
try {
  if (localStorage.getItem('study-guides:self-test') === 'on') document.documentElement.setAttribute('data-self-test', '');
} catch {
  // Storage blocked: self-test stays off and everything is visible.
}
