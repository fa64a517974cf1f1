// Runs before any archived script of a replayed page (mp_): the URLs that script asks for at run time (fetch, XHR,
// an image or script it adds, a srcset it sets, history.pushState, a navigation) are mapped into the archive at the
// page's timestamp, as the server already did for the URLs in the markup. Without it an absolute URL would be refused
// by the frame's CSP (or navigate out of the archive), and a root-relative one would depend on the server's fallback
// for what escapes (requests with a replayed page as referrer, see ReplayOriginRequests).
(function () {
  'use strict';
  var PREFIX = /^\/web\/(\d{1,14})mp_\/(.*)$/;
  var own = location.protocol + '//' + location.host; // the replay origin (location.origin is "null" if opaque)
  if (!PREFIX.test(location.pathname)) return;

  // The page's archived URL and timestamp, read at each call: pushState moves the frame to another archived URL.
  function current() {
    var m = PREFIX.exec(location.pathname);
    return m ? { ts: m[1], url: m[2].replace(/^(https?:\/)([^/])/, '$1/$2') + location.search } : null;
  }

  function archived(value) {
    if (value === null || value === undefined) return value;
    var raw = String(value).trim();
    if (raw === '' || /^(data|blob|about|javascript|mailto|tel):/i.test(raw) || raw.charAt(0) === '#') return value;
    var page = current();
    if (!page) return value;
    var abs;
    try {
      abs = new URL(raw, document.baseURI);
    } catch (e) {
      return value;
    }
    if (abs.protocol !== 'http:' && abs.protocol !== 'https:') return value;
    var target;
    if (abs.protocol + '//' + abs.host === own) {
      if (abs.pathname.indexOf('/web/') === 0) return value; // already in the archive
      // Root-relative to this server, so root-relative to the archived page's own site.
      var site;
      try { site = new URL(page.url); } catch (e) { return value; }
      target = site.protocol + '//' + site.host + abs.pathname + abs.search + abs.hash;
    } else {
      target = abs.href;
    }
    return own + '/web/' + page.ts + 'mp_/' + target;
  }

  function archivedSrcset(value) {
    if (value === null || value === undefined) return value;
    return String(value).split(/,(?=\s*\S)/).map(function (candidate) {
      var m = /^(\s*)(\S+)(.*)$/.exec(candidate);
      return m ? m[1] + archived(m[2]) + m[3] : candidate;
    }).join(',');
  }

  var URL_PROPS = [
    ['HTMLImageElement', 'src'], ['HTMLScriptElement', 'src'], ['HTMLLinkElement', 'href'],
    ['HTMLIFrameElement', 'src'], ['HTMLFrameElement', 'src'], ['HTMLEmbedElement', 'src'],
    ['HTMLSourceElement', 'src'], ['HTMLTrackElement', 'src'], ['HTMLMediaElement', 'src'],
    ['HTMLVideoElement', 'poster'], ['HTMLInputElement', 'src'], ['HTMLObjectElement', 'data'],
    ['HTMLAnchorElement', 'href'], ['HTMLAreaElement', 'href'], ['HTMLFormElement', 'action']
  ];
  var SRCSET_PROPS = [['HTMLImageElement', 'srcset'], ['HTMLSourceElement', 'srcset'], ['HTMLLinkElement', 'imageSrcset']];
  var URL_ATTRS = { src: 1, href: 1, poster: 1, action: 1, data: 1, formaction: 1 };
  var SRCSET_ATTRS = { srcset: 1, imagesrcset: 1 };

  function mapsAttribute(el, name) {
    var n = String(name).toLowerCase();
    if (SRCSET_ATTRS[n]) return archivedSrcset;
    if (!URL_ATTRS[n] || !(el instanceof Element)) return null;
    // href of an SVG <a> or <use> is a URL too; a <base href> was rewritten on the server.
    return el instanceof HTMLBaseElement ? null : archived;
  }

  // Setters only: the getters keep returning what the browser resolved (an archive URL).
  function wrapProperty(className, prop, map) {
    var C = window[className];
    if (!C) return;
    var d = Object.getOwnPropertyDescriptor(C.prototype, prop);
    if (!d || !d.set) return;
    Object.defineProperty(C.prototype, prop, {
      get: d.get, set: function (v) { d.set.call(this, map(v)); }, configurable: true, enumerable: d.enumerable
    });
  }
  URL_PROPS.forEach(function (p) { wrapProperty(p[0], p[1], archived); });
  SRCSET_PROPS.forEach(function (p) { wrapProperty(p[0], p[1], archivedSrcset); });

  var setAttr = Element.prototype.setAttribute, setAttrNS = Element.prototype.setAttributeNS;
  Element.prototype.setAttribute = function (name, value) {
    var map = mapsAttribute(this, name);
    return setAttr.call(this, name, map ? map(value) : value);
  };
  Element.prototype.setAttributeNS = function (ns, name, value) {
    var local = String(name).replace(/^.*:/, '');
    var map = mapsAttribute(this, local);
    return setAttrNS.call(this, ns, name, map ? map(value) : value);
  };

  // Elements made from markup (innerHTML, insertAdjacentHTML): mapped before they connect, through the guard.
  function archiveTree(node) {
    if (!node || !node.querySelectorAll) return node;
    var els = node.querySelectorAll('[src],[href],[srcset],[poster],[action],[imagesrcset],object[data]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      for (var j = 0; j < el.attributes.length; j++) {
        var a = el.attributes[j];
        var map = mapsAttribute(el, a.name);
        if (map) {
          var mapped = map(a.value);
          if (mapped !== a.value) a.value = mapped;
        }
      }
    }
    return node;
  }
  Object.defineProperty(window, '__warctrailArchiveTree', { value: archiveTree });

  var nativeFetch = window.fetch;
  if (nativeFetch) {
    window.fetch = function (input, init) {
      if (input instanceof Request) {
        var url = archived(input.url);
        return nativeFetch.call(this, url === input.url ? input : new Request(url, input), init);
      }
      return nativeFetch.call(this, archived(input instanceof URL ? input.href : input), init);
    };
  }
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    args[1] = archived(url);
    return open.apply(this, args);
  };
  ['EventSource', 'Worker', 'SharedWorker'].forEach(function (name) {
    var Native = window[name];
    if (!Native) return;
    var Wrapped = function (url, options) { return new Native(archived(url), options); };
    Wrapped.prototype = Native.prototype;
    window[name] = Wrapped;
  });
  // Beacons report to analytics servers: nothing to replay, nothing to send.
  if (navigator.sendBeacon) navigator.sendBeacon = function () { return true; };

  // A navigation the page starts (location.href = ..., a link built by script) goes to the archived copy; the
  // Navigation API sees it before any connection is made (a blocked one would still open a bare TCP connection).
  if (window.navigation && window.navigation.addEventListener) {
    window.navigation.addEventListener('navigate', function (e) {
      var dest;
      try { dest = new URL(e.destination.url); } catch (err) { return; }
      if (dest.protocol !== 'http:' && dest.protocol !== 'https:') return;
      if (dest.protocol + '//' + dest.host === own) return; // in the archive, or the server's fallback maps it
      if (!e.cancelable) return;
      e.preventDefault();
      window.navigation.navigate(archived(dest.href), { history: e.navigationType === 'replace' ? 'replace' : 'auto' });
    });
  }

  ['pushState', 'replaceState'].forEach(function (name) {
    var native = History.prototype[name];
    History.prototype[name] = function (state, title, url) {
      if (arguments.length < 3 || url === undefined || url === null) return native.call(this, state, title);
      return native.call(this, state, title, archived(url));
    };
  });
})();
