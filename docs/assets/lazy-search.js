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
  // Methods live on the prototype, not on each instance, so that a
  // subclass (a page's own wrapper of Worker) can still override them.
  function LazyWorker(url, options) {
    if (new URL(url, location.href).href !== workerUrl) return new RealWorker(url, options);
    var self = this;
    var state = this.sdLazy = { real: null, dead: false, listeners: [], queue: [] };
    later(function () {
      if (state.dead) return;
      state.real = new RealWorker(url, options);
      state.listeners.forEach(function (l) { state.real.addEventListener(l[0], l[1], l[2]); });
      state.queue.splice(0).forEach(function (message) { state.real.postMessage(message); });
      if (self.onmessage) state.real.onmessage = self.onmessage;
    });
  }
  LazyWorker.prototype.addEventListener = function (type, fn, opts) {
    var state = this.sdLazy;
    if (state.real) state.real.addEventListener(type, fn, opts); else state.listeners.push([type, fn, opts]);
  };
  LazyWorker.prototype.removeEventListener = function (type, fn, opts) {
    var state = this.sdLazy;
    if (state.real) state.real.removeEventListener(type, fn, opts);
    else state.listeners = state.listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
  };
  LazyWorker.prototype.postMessage = function (message) {
    var state = this.sdLazy;
    if (state.real) state.real.postMessage(message); else state.queue.push(message);
  };
  LazyWorker.prototype.terminate = function () {
    var state = this.sdLazy;
    state.dead = true;
    if (state.real) state.real.terminate();
  };
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
