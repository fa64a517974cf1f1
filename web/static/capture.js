// Capture from the UI: POST /api/captures, then follow the job's server-sent events.
(function () {
  'use strict';
  var form = document.getElementById('capture-form');
  if (!form) return;
  var progress = document.getElementById('capture-progress');
  var state = document.getElementById('capture-state');
  var counts = document.getElementById('capture-counts');
  var log = document.getElementById('capture-log');
  var result = document.getElementById('capture-result');

  function line(text, cls) {
    var li = document.createElement('li');
    li.textContent = text;
    if (cls) li.className = cls;
    log.appendChild(li);
  }

  function link(href, text) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  function follow(eventsHref) {
    progress.hidden = false;
    state.textContent = 'Capturing…';
    var source = new EventSource(eventsHref);
    source.addEventListener('fetched', function (e) {
      var r = JSON.parse(e.data);
      line(r.status + ' ' + r.url + (r.revisit ? ' (unchanged)' : ''), 'fetched');
    });
    source.addEventListener('failed', function (e) {
      var f = JSON.parse(e.data);
      line('failed ' + f.url + ': ' + f.reason, 'failed');
    });
    source.addEventListener('progress', function (e) {
      var p = JSON.parse(e.data);
      counts.textContent = p.pages + ' pages · ' + p.resources + ' other resources · ' + p.bytes + ' bytes · ' + p.queued + ' queued · ' + p.failures + ' failed';
    });
    source.addEventListener('done', function (e) {
      source.close();
      var d = JSON.parse(e.data);
      state.textContent = 'Done: ' + d.summary.pages + ' pages, ' + d.summary.resources + ' other resources, ' + d.summary.bytes + ' bytes in '
        + d.summary.seconds.toFixed(1) + ' s' + (d.summary.stopReason ? ' (stopped: ' + d.summary.stopReason + ')' : '');
      state.className = 'state done';
      result.textContent = '';
      if (d.snapshotHref) result.appendChild(link(d.snapshotHref, 'See the capture'));
      result.appendChild(document.createTextNode(' · '));
      result.appendChild(link(d.timelineHref, 'all versions'));
    });
    source.addEventListener('error', function (e) {
      if (e.data) {
        source.close();
        state.textContent = JSON.parse(e.data).error;
        state.className = 'state failed';
      } else if (source.readyState === EventSource.CLOSED) {
        state.className = 'state';
      }
    });
  }

  var token = form.querySelector('input[name=token]');
  if (token) token.value = sessionStorage.getItem('warctrail.token') || '';

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var headers = { 'Content-Type': 'application/json' };
    if (token && token.value) {
      sessionStorage.setItem('warctrail.token', token.value);
      headers['X-Warctrail-Token'] = token.value;
    }
    log.textContent = '';
    result.textContent = '';
    progress.hidden = false;
    state.className = 'state';
    state.textContent = 'Starting…';
    fetch('/api/captures', {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: JSON.stringify({ url: form.url.value, depth: parseInt(form.depth.value, 10),
        browser: !!(form.browser && form.browser.checked) })
    }).then(function (r) {
      return r.text().then(function (text) {
        if (!r.ok) throw new Error(text.trim() || ('HTTP ' + r.status));
        return JSON.parse(text);
      });
    }).then(function (job) {
      history.replaceState(null, '', '/capture?job=' + job.id);
      follow(job.events);
    }, function (err) {
      state.textContent = 'Refused: ' + err.message;
      state.className = 'state failed';
    });
  });

  if (form.dataset.job) follow('/api/captures/events?job=' + form.dataset.job);
})();
