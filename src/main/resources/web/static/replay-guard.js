// The first script of every replayed page (mp_). It closes what neither the frame's sandbox nor its CSP closes in
// Chromium: WebRTC (UDP to STUN and TURN servers; Chromium 156 ignores the CSP directive webrtc 'block') and
// connection hints added by script (a <link rel=preconnect> opens a TCP connection without any request a CSP
// sees). Child frames of the page's own origin get the same guard before the page's code can reach them.
(function () {
  'use strict';
  var HINT = /^(preconnect|dns-prefetch|prerender|prefetch)$/i;
  var RTC = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'mozRTCPeerConnection', 'RTCDataChannel',
    'RTCIceTransport', 'RTCDtlsTransport', 'RTCSctpTransport', 'RTCRtpSender', 'RTCRtpReceiver',
    'RTCRtpTransceiver', 'RTCIceCandidate', 'RTCSessionDescription'];

  function cleanRel(value) {
    return String(value).split(/\s+/).filter(function (t) { return t && !HINT.test(t); }).join(' ');
  }

  function guard(win) {
    var fresh;
    try { fresh = win && !win.__warctrailGuarded; } catch (e) { return; } // another origin: out of the page's reach too
    if (!fresh) return;
    Object.defineProperty(win, '__warctrailGuarded', { value: true });
    var blocked = function () { throw new win.DOMException('WebRTC is off in replay', 'SecurityError'); };
    RTC.forEach(function (name) {
      try { Object.defineProperty(win, name, { value: blocked, writable: false, configurable: false }); } catch (e) { /* absent */ }
    });
    try {
      var md = win.navigator.mediaDevices;
      if (md) Object.defineProperty(md, 'getUserMedia', { value: blocked, writable: false, configurable: false });
    } catch (e) { /* absent */ }

    // Storage and cookies: the replay origin is one origin for every archived page, and cookies ignore ports (the
    // browser's cookies for this host would include the UI's and other local apps'). Each page gets its own, in
    // memory, for as long as it is open; persistent stores stay closed as they were in an opaque origin.
    function memoryStorage() {
      var items = new Map();
      return Object.freeze({
        get length() { return items.size; },
        key: function (i) { return Array.from(items.keys())[i] ?? null; },
        getItem: function (k) { k = String(k); return items.has(k) ? items.get(k) : null; },
        setItem: function (k, v) { items.set(String(k), String(v)); },
        removeItem: function (k) { items.delete(String(k)); },
        clear: function () { items.clear(); }
      });
    }
    var local = memoryStorage(), session = memoryStorage();
    var closed = function () { throw new win.DOMException('storage is closed in replay', 'SecurityError'); };
    [['localStorage', function () { return local; }], ['sessionStorage', function () { return session; }],
      ['indexedDB', closed], ['caches', closed], ['cookieStore', closed]].forEach(function (p) {
      try { Object.defineProperty(win, p[0], { get: p[1], configurable: false }); } catch (e) { /* absent */ }
    });
    var jar = new Map();
    try {
      Object.defineProperty(win.Document.prototype, 'cookie', {
        get: function () { return Array.from(jar, function (e) { return e[0] ? e[0] + '=' + e[1] : e[1]; }).join('; '); },
        set: function (v) {
          var parts = String(v).split(';');
          var eq = parts[0].indexOf('=');
          var name = eq < 0 ? '' : parts[0].slice(0, eq).trim();
          var value = eq < 0 ? parts[0].trim() : parts[0].slice(eq + 1).trim();
          var expired = parts.slice(1).some(function (a) {
            a = a.trim().toLowerCase();
            return a === 'max-age=0' || (a.indexOf('expires=') === 0 && Date.parse(a.slice(8)) < Date.now());
          });
          if (expired) jar.delete(name); else jar.set(name, value);
        },
        configurable: false
      });
    } catch (e) { /* absent */ }

    var Link = win.HTMLLinkElement.prototype;
    var Elem = win.Element.prototype;
    var NodeP = win.Node.prototype;

    function isLink(el) { return el instanceof win.HTMLLinkElement; }
    // A refresh made by script would take the frame out of the archive (the page embedding it stops that).
    function isRefresh(el) {
      return el instanceof win.HTMLMetaElement && String(el.httpEquiv).toLowerCase() === 'refresh';
    }
    function cleanTree(node) {
      if (!node || typeof node !== 'object') return node;
      // URLs in inserted markup into the archive (replay-urls.js, run just before this script, in this window).
      if (win.__warctrailArchiveTree) win.__warctrailArchiveTree(node);
      if (isLink(node)) relSet.call(node, cleanRel(relGet.call(node)));
      if (isRefresh(node)) node.httpEquiv = 'x-refresh-removed';
      if (node.querySelectorAll) {
        var links = node.querySelectorAll('link[rel], meta[http-equiv]');
        for (var i = 0; i < links.length; i++) {
          if (isLink(links[i])) relSet.call(links[i], cleanRel(relGet.call(links[i])));
          else if (isRefresh(links[i])) links[i].httpEquiv = 'x-refresh-removed';
        }
      }
      return node;
    }
    function guardFrames() {
      for (var i = 0; i < win.length; i++) guard(win[i]);
    }
    function wrapSetter(proto, name, clean) {
      var d = Object.getOwnPropertyDescriptor(proto, name);
      if (!d || !d.set) return d;
      Object.defineProperty(proto, name, { get: d.get, set: function (v) { d.set.call(this, clean(this, v)); },
        configurable: false, enumerable: d.enumerable });
      return d;
    }

    var rel = Object.getOwnPropertyDescriptor(Link, 'rel');
    var relGet = rel.get, relSet = rel.set;
    wrapSetter(Link, 'rel', function (el, v) { return cleanRel(v); });

    // relList: a link's tokens never include a hint.
    var Tokens = win.DOMTokenList.prototype;
    ['add', 'toggle', 'replace'].forEach(function (m) {
      var native = Tokens[m];
      Object.defineProperty(Tokens, m, { value: function () {
        for (var i = 0; i < arguments.length; i++) {
          if (HINT.test(String(arguments[i]))) return m === 'add' ? undefined : false;
        }
        return native.apply(this, arguments);
      }, configurable: false, writable: false });
    });
    wrapSetter(Tokens, 'value', function (list, v) { return cleanRel(v); });

    // Attributes set by name.
    var setAttr = Elem.setAttribute, setAttrNS = Elem.setAttributeNS;
    Object.defineProperty(Elem, 'setAttribute', { value: function (name, value) {
      if (isLink(this) && String(name).toLowerCase() === 'rel') value = cleanRel(value);
      return setAttr.call(this, name, value);
    }, configurable: false, writable: false });
    Object.defineProperty(Elem, 'setAttributeNS', { value: function (ns, name, value) {
      if (isLink(this) && String(name).toLowerCase() === 'rel') value = cleanRel(value);
      return setAttrNS.call(this, ns, name, value);
    }, configurable: false, writable: false });
    wrapSetter(win.Attr.prototype, 'value', function (attr, v) {
      return attr.ownerElement && isLink(attr.ownerElement) && attr.name.toLowerCase() === 'rel' ? cleanRel(v) : v;
    });
    var setNode = Elem.setAttributeNode;
    Object.defineProperty(Elem, 'setAttributeNode', { value: function (attr) {
      if (isLink(this) && attr && attr.name.toLowerCase() === 'rel') attr.value = cleanRel(attr.value);
      return setNode.call(this, attr);
    }, configurable: false, writable: false });

    // Insertion: the nodes are cleaned before they connect (a hint acts at once), frames guarded after.
    function wrapInsert(proto, name) {
      var native = proto[name];
      if (typeof native !== 'function') return;
      Object.defineProperty(proto, name, { value: function () {
        for (var i = 0; i < arguments.length; i++) cleanTree(arguments[i]);
        var result = native.apply(this, arguments);
        guardFrames();
        return result;
      }, configurable: false, writable: false });
    }
    ['appendChild', 'insertBefore', 'replaceChild'].forEach(function (n) { wrapInsert(NodeP, n); });
    ['append', 'prepend', 'before', 'after', 'replaceWith', 'replaceChildren', 'insertAdjacentElement']
      .forEach(function (n) { wrapInsert(Elem, n); });
    ['append', 'prepend', 'replaceChildren'].forEach(function (n) { wrapInsert(win.Document.prototype, n); wrapInsert(win.DocumentFragment.prototype, n); });
    wrapInsert(win.Range.prototype, 'insertNode');

    // Markup: parsed into an inert template, cleaned, then inserted.
    var doc = win.document;
    function parsed(html) {
      var t = doc.createElement('template');
      innerHtml.set.call(t, html);
      return cleanTree(t.content);
    }
    var innerHtml = Object.getOwnPropertyDescriptor(Elem, 'innerHTML');
    Object.defineProperty(Elem, 'innerHTML', { get: innerHtml.get, set: function (html) {
      if (this instanceof win.HTMLTemplateElement || !this.isConnected) return innerHtml.set.call(this, html);
      this.textContent = '';
      NodeP.appendChild.call(this, parsed(html));
    }, configurable: false });
    var outerHtml = Object.getOwnPropertyDescriptor(Elem, 'outerHTML');
    Object.defineProperty(Elem, 'outerHTML', { get: outerHtml.get, set: function (html) {
      if (!this.isConnected) return outerHtml.set.call(this, html);
      Elem.replaceWith.call(this, parsed(html));
    }, configurable: false });
    var adjacent = Elem.insertAdjacentHTML;
    Object.defineProperty(Elem, 'insertAdjacentHTML', { value: function (where, html) {
      if (!this.isConnected) return adjacent.call(this, where, html);
      var frag = parsed(html);
      var w = String(where).toLowerCase();
      if (w === 'beforebegin') Elem.before.call(this, frag);
      else if (w === 'afterbegin') Elem.prepend.call(this, frag);
      else if (w === 'beforeend') Elem.append.call(this, frag);
      else if (w === 'afterend') Elem.after.call(this, frag);
      else adjacent.call(this, where, '');
    }, configurable: false, writable: false });
    if (typeof Elem.setHTMLUnsafe === 'function') {
      Object.defineProperty(Elem, 'setHTMLUnsafe', { value: function (html) { this.innerHTML = html; },
        configurable: false, writable: false });
    }
    var HINT_IN_MARKUP = /(<link\b[^>]*\brel\s*=\s*)(["']?)([^"'>]*)\2/gi;
    ['write', 'writeln'].forEach(function (n) {
      var native = win.Document.prototype[n];
      Object.defineProperty(win.Document.prototype, n, { value: function () {
        var parts = Array.prototype.map.call(arguments, function (s) {
          return String(s).replace(HINT_IN_MARKUP, function (m, head, q, value) { return head + '"' + cleanRel(value) + '"'; });
        });
        var result = native.apply(this, parts);
        guardFrames();
        return result;
      }, configurable: false, writable: false });
    });

    // Frames of this origin, however reached: through their element, or created by the parser.
    [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement].forEach(function (C) {
      if (!C) return;
      ['contentWindow', 'contentDocument'].forEach(function (name) {
        var d = Object.getOwnPropertyDescriptor(C.prototype, name);
        if (!d || !d.get) return;
        Object.defineProperty(C.prototype, name, { get: function () {
          var v = d.get.call(this);
          if (v) guard(name === 'contentWindow' ? v : v.defaultView);
          return v;
        }, configurable: false });
      });
    });
    new win.MutationObserver(guardFrames).observe(doc, { childList: true, subtree: true });
    guardFrames();
  }

  guard(window);
})();
