// The portal's one script, for progressive enhancement only: every page works without it.
// - a form's submit button is disabled once it is pressed (no double posts of a slow step);
// - on sign-up, the business fields are shown only for business member types.
export const PORTAL_JS = `(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var buttons = form.querySelectorAll('button[type="submit"]');
    window.setTimeout(function () { buttons.forEach(function (button) { button.disabled = true; }); }, 0);
  });
  var type = document.querySelector('form[action="/signup"] select[name="memberType"]');
  if (type) {
    var fields = ['businessName', 'businessRegistrationNumber'].map(function (name) {
      var input = document.querySelector('form[action="/signup"] [name="' + name + '"]');
      return input && input.closest('.field');
    }).filter(Boolean);
    var sync = function () { fields.forEach(function (field) { field.hidden = type.value === 'PERSONAL'; }); };
    type.addEventListener('change', sync);
    sync();
  }
})();
`;
