// Long work: a form with data-busy-message disables its submit buttons once sent and puts the message in
// the status element named by data-busy-status, so people know the request is running. Without script the
// form simply posts; the page after the work shows its summary either way.
(function () {
    "use strict";

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-busy-message") || event.defaultPrevented) return;
        var status = document.getElementById(form.getAttribute("data-busy-status") || "");
        if (status) status.textContent = form.getAttribute("data-busy-message");
        // Disabled after the form's data is taken, so a named button's value is still sent.
        window.setTimeout(function () {
            form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) { button.disabled = true; });
        }, 0);
    });

    // Coming back to the page from the history shows the form ready again, not still busy.
    window.addEventListener("pageshow", function (event) {
        if (!event.persisted) return;
        document.querySelectorAll("form[data-busy-message]").forEach(function (form) {
            form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) { button.disabled = false; });
            var status = document.getElementById(form.getAttribute("data-busy-status") || "");
            if (status) status.textContent = "";
        });
    });
})();
