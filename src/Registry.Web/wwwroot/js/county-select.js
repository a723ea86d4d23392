// A county select (data-counties-of names its state select) lists the chosen state's counties. When the state
// changes, the options are fetched from /api/v1/counties/{state}. Without script the form posts and the page
// comes back with the state's counties, the server asking for the county.
(function () {
    "use strict";

    document.querySelectorAll("select[data-counties-of]").forEach(function (county) {
        var state = document.getElementById(county.getAttribute("data-counties-of"));
        if (!state) return;
        state.addEventListener("change", function () {
            var code = state.value;
            var placeholder = county.options[0];
            county.replaceChildren(placeholder);
            placeholder.textContent = code ? "- Select -" : "- Choose a state first -";
            if (!code) return;
            fetch("/api/v1/counties/" + encodeURIComponent(code), { headers: { "Accept": "application/json" } })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (counties) {
                    if (state.value !== code) return; // the state changed again meanwhile
                    counties.forEach(function (c) {
                        var option = document.createElement("option");
                        option.value = c.code;
                        option.textContent = c.name;
                        county.appendChild(option);
                    });
                })
                .catch(function () { placeholder.textContent = "- Choose a state first -"; });
        });
    });
})();
