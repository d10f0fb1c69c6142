/* Search loads when the reader first opens it, not with every page.
   Material starts its search worker and requests the search index as each
   page opens (91 kB of a paragraph page's first load). Loaded before
   Material's bundle (overrides/main.html), this script hands the bundle a
   stand-in for that one worker and holds back the index request; both go
   out the first time the search field gets focus or the search toggle
   opens (click, "/", "s", ?q= in the address). The stand-in keeps the
   messages and listeners it gets meanwhile and passes them on. */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var worker = config && JSON.parse(config.textContent).search;
  if (!worker || !window.Worker) return;
  var workerUrl = new URL(worker, location.href).href;
  var waiting = [];
  var opened = false;

  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }
  function later(start) { if (opened) start(); else waiting.push(start); }

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) open();
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-md-toggle=search]") && event.target.checked) open();
  }, true);

  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    if (new URL(url, location.href).href !== workerUrl) return new RealWorker(url, options);
    var self = this, real = null, dead = false, listeners = [], queue = [];
    this.addEventListener = function (type, fn, opts) {
      if (real) real.addEventListener(type, fn, opts); else listeners.push([type, fn, opts]);
    };
    this.removeEventListener = function (type, fn, opts) {
      if (real) real.removeEventListener(type, fn, opts);
      else listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
    };
    this.postMessage = function (message) { if (real) real.postMessage(message); else queue.push(message); };
    this.terminate = function () { dead = true; if (real) real.terminate(); };
    later(function () {
      if (dead) return;
      real = new RealWorker(url, options);
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
      self.onmessage && (real.onmessage = self.onmessage);
    });
  }
  window.Worker = LazyWorker;

  var index = new URL("search/search_index.json", new URL(JSON.parse(config.textContent).base, location.href)).href;
  var xhrOpen = XMLHttpRequest.prototype.open, xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.sdDeferred = new URL(url, location.href).href === index;
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.sdDeferred) return xhrSend.apply(xhr, args);
    later(function () { xhrSend.apply(xhr, args); });
  };
})();
