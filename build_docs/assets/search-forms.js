/* Search finds a Russian word in any of its forms: "Путина" (Putin's) finds the page about "Путин".
 *
 * Material's search adds "*" to every word of a query (so that it finds words while they are typed) and lunr
 * then skips stemming for it, so an inflected Russian word only finds itself. Here each Cyrillic word of the
 * query is cut to its Snowball stem (lunr-languages' Russian stemmer, which Material ships) before the query
 * reaches Material's search worker: "путин*" then finds Путин, Путина, Путину. Other words pass unchanged.
 * The stemmer (with lunr, which it needs) is loaded the first time a reader opens the search.
 */
(function () {
  "use strict";
  var QUERY = 2; // Material's search worker message carrying the query text
  var CYRILLIC_WORD = /^[\u0400-\u04ff]+$/;
  var stem = null;
  var loading = false;
  var last = null; // the query sent before the stemmer arrived: sent again, stemmed, once it has

  function base() {
    var config = document.getElementById("__config");
    var href = config ? JSON.parse(config.textContent).base : ".";
    return new URL(href.replace(/\/?$/, "/"), location.href);
  }

  function script(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = src;
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }

  function load() {
    if (loading) return;
    loading = true;
    var root = base();
    var lunrMin = new URL("assets/javascripts/lunr/min/", root);
    script(new URL("assets/lunr.min.js", root).href)
      .then(function () { return script(new URL("lunr.stemmer.support.min.js", lunrMin).href); })
      .then(function () { return script(new URL("lunr.ru.min.js", lunrMin).href); })
      .then(function () {
        stem = window.lunr.ru.stemmer;
        if (last) last.worker.postMessage(last.message);
      })
      .catch(function () { /* without the stemmer, queries go as typed */ });
  }

  function stemmed(query) {
    return query.split(/(\s+)/).map(function (word) {
      var lower = word.toLowerCase();
      return CYRILLIC_WORD.test(lower) ? stem(lower) : word;
    }).join("");
  }

  var post = window.Worker && window.Worker.prototype.postMessage;
  if (!post) return;
  window.Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      if (!stem) last = { worker: this, message: message };
      else arguments[0] = Object.assign({}, message, { data: stemmed(message.data) });
    }
    return post.apply(this, arguments);
  };

  document.addEventListener("keydown", function (event) { if (event.key === "/" || event.key === "s" || event.key === "f") load(); });
  document.addEventListener("focusin", function (event) { if (event.target.matches && event.target.matches("input.md-search__input")) load(); });
  document.addEventListener("change", function (event) { if (event.target.id === "__search") load(); });
})();
