/* enisim report: the topology and lifecycle player. VPC -> subnets (IP fill) -> keys -> ENIs (state colours) ->
   functions (states), edges from each function to the ENIs it uses, a time slider stepping through the run's
   journal, and each element's history on click. Drawn as SVG from the embedded data. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('enisim-data').textContent);
  var topo = data.topology;
  var svg = document.getElementById('topology-svg');
  if (!topo || !svg) { return; }
  var NS = 'http://www.w3.org/2000/svg';
  var colors = topo.stateColors;
  var edgesOf = topo.stateEdges; // each state's edge (Palette.edge), as its bars in the state timeline
  var clock = window.enisim.clock;
  var NF = new Intl.NumberFormat('en-US');
  var ROW = 34, BOX = 26;
  var COL = {subnet: 10, key: 300, eni: 500, fn: 720};
  var W = {subnet: 260, key: 170, eni: 170, fn: 190};

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  // ---- state at a time ------------------------------------------------------------------------------------
  function eniState(e, t) {
    if (t < e.created) { return null; }
    if (e.ended >= 0 && t >= e.ended) { return 'Deleted'; }
    if (e.orphaned >= 0 && t >= e.orphaned) { return 'Orphaned'; }
    if (e.deleting >= 0 && t >= e.deleting) { return 'Deleting'; }
    if (e.ready >= 0 && t >= e.ready) { return 'InUse'; }
    return 'Creating';
  }
  function fnState(f, t) {
    var s = null;
    f.transitions.forEach(function (x) { if (x.t <= t) { s = x; } });
    return s;
  }
  function fnKeys(f, t) {
    var k = [];
    f.keys.forEach(function (x) { if (x.t <= t) { k = x.keys; } });
    return k;
  }
  function isDown(s, t) { // a subnet whose Availability Zone is down at t
    return (s.down || []).some(function (d) { return t >= d[0] && t < d[1]; });
  }
  // a label's colour by its fill's luminance (WCAG): white text on Creating's light blue was 1.65:1
  function luminance(hex) {
    var m = /^#?([0-9a-f]{6})$/i.exec(hex || '');
    if (!m) { return 1; }
    var n = parseInt(m[1], 16), c = [n >> 16 & 255, n >> 8 & 255, n & 255].map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function textOn(hex) {
    var l = luminance(hex);
    return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
  }
  // a hatched state's nodes (Failed): its colour under diagonal lines, as its bars in the state timeline; the lines
  // move away from the label's ink (dark lines under white text, light under black), so the hatch never lowers the
  // label's contrast below the plain fill's
  var hatchOf = {};
  var defs = el('defs', {}, svg);
  (topo.hatched || []).forEach(function (state) {
    var id = 'hatch-' + state;
    var p = el('pattern', {id: id, width: 7, height: 7, patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)'}, defs);
    el('rect', {width: 7, height: 7, fill: colors[state]}, p);
    var white = textOn(colors[state]) === '#ffffff';
    el('line', {x1: 0, y1: 0, x2: 0, y2: 7, stroke: white ? '#000000' : '#ffffff', 'stroke-width': 2,
      'stroke-opacity': white ? 0.35 : 0.45}, p);
    hatchOf[colors[state]] = 'url(#' + id + ')';
  });
  function paint(n, fill, edge) { // the node's fill, its edge and its labels' colour, chosen together
    n.rect.setAttribute('fill', hatchOf[fill] || fill);
    // a state's box edged in its state's edge (report.css: --box-edge), so that a light fill (Creating, Pending,
    // Inactive: about 1.6:1) is seen against the white figure by 3:1; absent, AZ-down and selected boxes keep theirs
    if (edge) { n.g.style.setProperty('--box-edge', edge); } else { n.g.style.removeProperty('--box-edge'); }
    var ink = textOn(fill);
    [n.t1, n.t2].forEach(function (t) { t.style.fill = ink; });
  }
  var subnetById = {};
  topo.subnets.forEach(function (s) { subnetById[s.id] = s; });
  var keyById = {};
  topo.keys.forEach(function (k) { keyById[k.id] = k; });
  function stepAt(series, t) {
    var v = 0;
    series.forEach(function (p) { if (p[0] <= t) { v = p[1]; } });
    return v;
  }

  // ---- layout (fixed for the whole run, so nothing jumps while playing) -------------------------------------
  var pos = {};            // id -> {x, y, w}
  var row = 0;
  var keysBySubnet = {}, enisByKey = {};
  topo.keys.forEach(function (k) { (keysBySubnet[k.subnet] = keysBySubnet[k.subnet] || []).push(k); });
  topo.enis.forEach(function (e) { (enisByKey[e.key] = enisByKey[e.key] || []).push(e); });
  var vpcRows = {};
  topo.vpcs.forEach(function (v) {
    vpcRows[v.id] = row;
    row += 1;
    topo.subnets.filter(function (s) { return s.vpc === v.id; }).forEach(function (s) {
      var start = row;
      pos[s.id] = {x: COL.subnet + 12, y: row * ROW, w: W.subnet - 24};
      (keysBySubnet[s.id] || []).forEach(function (k) {
        pos[k.id] = {x: COL.key, y: row * ROW, w: W.key};
        var es = enisByKey[k.id] || [];
        es.forEach(function (e, i) { pos[e.id] = {x: COL.eni, y: (row + i) * ROW, w: W.eni}; });
        row += Math.max(1, es.length);
      });
      row = Math.max(row, start + 2);
      pos[s.id].rows = row - start;
      row += 0.3;
    });
    vpcRows[v.id] = {from: vpcRows[v.id], to: row};
    row += 0.5;
  });
  var height = Math.max(row, topo.functions.length) * ROW + 20;
  // functions ordered by where their ENIs are, to keep edges short
  var fnY = topo.functions.map(function (f) {
    var ys = [];
    f.keys.forEach(function (ks) { ks.keys.forEach(function (k) { if (pos[k]) { ys.push(pos[k].y); } }); });
    return {f: f, y: ys.length ? ys.reduce(function (a, b) { return a + b; }, 0) / ys.length : 1e9};
  }).sort(function (a, b) { return a.y - b.y || a.f.name.localeCompare(b.f.name); });
  var fnStep = Math.max(ROW, (height - 20) / Math.max(1, fnY.length));
  fnStep = Math.min(fnStep, ROW * 1.6);
  fnY.forEach(function (x, i) { pos['fn:' + x.f.name] = {x: COL.fn, y: ROW + i * fnStep, w: W.fn}; });
  height = Math.max(height, ROW + fnY.length * fnStep + 20);
  var width = COL.fn + W.fn + 10;
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);

  // on a screen narrower than the figure (about 930 px), a button fits it to the screen's width, the whole diagram
  // at a glance (its nodes still clickable), and back to its actual size, swiped sideways: at 420 px a phone's reader
  // saw the VPC and the keys, and had to swipe for the ENIs and the functions (browser review, h3 finding 5)
  (function () {
    var box = svg.parentNode, hint = document.querySelector('#topology .topology-hint');
    var fit = false, button = document.createElement('button');
    button.type = 'button';
    button.id = 'topology-fit';
    button.className = 'fit';
    function size() {
      var w = fit ? Math.min(width, box.clientWidth) : width;
      svg.setAttribute('width', w);
      svg.setAttribute('height', height * w / width);
      button.textContent = fit ? 'Actual size (swipe sideways)' : 'Fit the figure to the screen';
      button.setAttribute('aria-pressed', fit ? 'true' : 'false');
      button.hidden = !fit && box.clientWidth >= width;
      // the note over the figure when it runs past its box, and only then (a window width guessed it: shown at 952
      // to 959 px, where the figure fits)
      if (hint) { hint.style.display = !fit && box.clientWidth < width ? 'block' : 'none'; }
    }
    button.addEventListener('click', function () { fit = !fit; size(); });
    box.parentNode.insertBefore(button, box);
    size();
    window.addEventListener('resize', size);
  })();

  // ---- static drawing --------------------------------------------------------------------------------------
  var gEdges = el('g', {'class': 'edges'}, svg);
  var gNodes = el('g', {'class': 'nodes'}, svg);
  var nodes = {};
  function box(id, kind, p, label, sub) {
    // a button named with what it is and its state at the step (named(), render): a screen reader heard an unnamed
    // "group"; Enter or Space opens its history and moves there
    var g = el('g', {'class': 'node ' + kind, 'data-id': id, 'tabindex': 0, role: 'button'}, gNodes);
    var r = el('rect', {x: p.x, y: p.y + 2, width: p.w, height: BOX, rx: 5}, g);
    var t1 = el('text', {x: p.x + 6, y: p.y + 13}, g, label);
    var t2 = el('text', {x: p.x + 6, y: p.y + 25, 'class': 'sub'}, g, sub || '');
    g.addEventListener('click', function () { history(id, kind); });
    g.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        history(id, kind);
        panel.querySelector('h3').focus();
      }
    });
    nodes[id] = {g: g, rect: r, t1: t1, t2: t2};
    return nodes[id];
  }
  topo.vpcs.forEach(function (v) {
    var rr = vpcRows[v.id];
    el('rect', {x: COL.subnet, y: rr.from * ROW, width: W.subnet, height: (rr.to - rr.from) * ROW, rx: 8,
      'class': 'vpc'}, gNodes);
    var head = el('g', {'class': 'vpc-head'}, gNodes); // its label, and the label's tooltip when it is cut
    nodes['vpc:' + v.id] = {head: head, t1: el('text', {x: COL.subnet + 10, y: rr.from * ROW + 20,
      'class': 'vpc-label'}, head, v.label || v.id)};
  });
  topo.subnets.forEach(function (s) {
    var p = pos[s.id];
    if (!p) { return; }
    var n = box(s.id, 'subnet', {x: p.x, y: p.y, w: p.w}, s.label || s.id, s.cidr + ' ' + s.az);
    n.rect.setAttribute('height', ROW * p.rows - 10);
    n.bar = el('g', {}, n.g);
    n.barY = p.y + 32;
  });
  topo.keys.forEach(function (k) {
    box(k.id, 'key', pos[k.id], (topo.legacy ? k.id.split('@')[0] + ' @ ' : '') + '[' + (k.sgLabels || k.sgs).join(', ') +
      ']', k.subnetLabel || k.subnet);
    el('line', {x1: pos[k.subnet] ? pos[k.subnet].x + pos[k.subnet].w : COL.key, y1: pos[k.id].y + 15,
      x2: COL.key, y2: pos[k.id].y + 15, 'class': 'tree'}, gEdges);
  });
  topo.enis.forEach(function (e) {
    box(e.id, 'eni', pos[e.id], e.id, e.ip);
    el('line', {x1: COL.key + W.key, y1: pos[e.key].y + 15, x2: COL.eni, y2: pos[e.id].y + 15, 'class': 'tree'},
      gEdges);
  });
  topo.functions.forEach(function (f) { box('fn:' + f.name, 'function', pos['fn:' + f.name], f.name, ''); });

  // ---- drawing at a time -------------------------------------------------------------------------------------
  var edges = {};
  function render(t) {
    var liveBySubnet = {}, liveByVpc = {};
    topo.enis.forEach(function (e) {
      var s = eniState(e, t), n = nodes[e.id];
      var down = (s === 'InUse' || s === 'Creating') && subnetById[e.subnet] && isDown(subnetById[e.subnet], t);
      n.g.setAttribute('data-state', s || 'none');
      n.g.classList.toggle('absent', s == null || s === 'Deleted');
      n.g.classList.toggle('unavailable', !!down);
      paint(n, down ? '#e0e0e0' : s && s !== 'Deleted' ? colors[s] : '#ffffff',
        !down && s && s !== 'Deleted' ? edgesOf[s] : null);
      n.t1.textContent = e.id + (s ? ' \u00b7 ' + s : ' \u00b7 not yet') + (down ? ', AZ down' : '');
    });
    topo.subnets.forEach(function (s) {
      var n = nodes[s.id];
      if (!n) { return; }
      var down = isDown(s, t);
      n.g.classList.toggle('unavailable', down);
      n.g.setAttribute('data-available', down ? 'false' : 'true');
      // the id on its line and the CIDR and AZ on the next: a real id (subnet- and 17 hex digits) and its CIDR and AZ
      // on one line did not fit the box (a teacher's review)
      n.t1.textContent = s.label || s.id; // its Name tag first when the scenario has it (TopologyData)
      n.t2.textContent = s.cidr + ' ' + s.az + (down ? ': AZ down' : '');
      var enis = stepAt(s.enis, t), other = stepAt(s.other, t), free = Math.max(0, s.usable - enis - other);
      liveBySubnet[s.id] = enis;
      liveByVpc[s.vpc] = (liveByVpc[s.vpc] || 0) + enis;
      var p = pos[s.id], bw = p.w - 12;
      while (n.bar.firstChild) { n.bar.removeChild(n.bar.firstChild); }
      var x = p.x + 6, y = n.barY, u = Math.max(1, s.usable);
      // inline styles: the node's CSS would otherwise paint every rect of the subnet alike
      el('rect', {x: x, y: y, width: bw, height: 9, style: 'fill:#fff;stroke:#8a8a8a'}, n.bar);
      el('rect', {x: x, y: y, width: bw * Math.min(1, other / u), height: 9, style: 'fill:#8a8a8a;stroke:none'},
        n.bar);
      el('rect', {x: x + bw * Math.min(1, other / u), y: y, width: bw * Math.min(1, enis / u), height: 9,
        style: 'fill:#1565C0;stroke:none', 'class': 'fill-enis'}, n.bar);
      el('text', {x: x, y: y + 21, 'class': 'sub' + (free === 0 ? ' full' : '')}, n.bar,
        NF.format(enis) + (enis === 1 ? ' ENI + ' : ' ENIs + ') + NF.format(other) + ' other of ' + NF.format(s.usable) + ' usable: ' +
        NF.format(free) + ' free');
      n.g.setAttribute('data-free', free);
    });
    topo.vpcs.forEach(function (v) {
      nodes['vpc:' + v.id].t1.textContent = (v.label || v.id) + ': ' + NF.format(liveByVpc[v.id] || 0) + ' ENIs of ' +
        (v.limit || 'quota') + ' ' + NF.format(v.quota);
    });
    topo.keys.forEach(function (k) {
      var live = stepAt(k.live, t); // every ENI of the key, drawn or not
      nodes[k.id].t2.textContent = (k.subnetLabel || k.subnet) + ' \u00b7 ' + live + ' ENI' + (live === 1 ? '' : 's');
    });
    var want = {};
    topo.functions.forEach(function (f) {
      var st = fnState(f, t), n = nodes['fn:' + f.name];
      var s = st ? st.state : null;
      // a function whose every subnet is in a down Availability Zone cannot serve (ServiceException)
      var keys = fnKeys(f, t), cut = (s === 'Pending' || s === 'Active') && keys.length > 0 && keys.every(function (k) {
        return keyById[k] && subnetById[keyById[k].subnet] && isDown(subnetById[keyById[k].subnet], t);
      });
      n.g.setAttribute('data-state', s || 'none');
      n.g.setAttribute('data-serving', cut ? 'false' : 'true');
      n.g.classList.toggle('absent', s == null || s === 'Deleted');
      n.g.classList.toggle('unavailable', cut);
      paint(n, cut ? '#e0e0e0' : s ? colors[s] : '#ffffff', !cut && s && s !== 'Deleted' ? edgesOf[s] : null);
      n.t2.textContent = s ? s + (st.reason ? ' (' + st.reason + ')' : '') + (cut ? ': cannot serve, AZ down'
        : '') : 'not created yet';
      if (s !== 'Pending' && s !== 'Active') { return; }
      fnKeys(f, t).forEach(function (k) {
        (enisByKey[k] || []).forEach(function (e) {
          var es = eniState(e, t);
          if (es === 'Creating' || es === 'InUse') {
            want[f.name + ' ' + e.id] = {f: f, e: e, creating: es === 'Creating',
              down: !!(subnetById[e.subnet] && isDown(subnetById[e.subnet], t))};
          }
        });
      });
    });
    Object.keys(edges).forEach(function (k) {
      if (!want[k]) { gEdges.removeChild(edges[k]); delete edges[k]; }
    });
    Object.keys(want).forEach(function (k) {
      var w = want[k], a = pos['fn:' + w.f.name], b = pos[w.e.id];
      if (!edges[k]) {
        var x1 = a.x, y1 = a.y + 15, x2 = b.x + b.w, y2 = b.y + 15, mx = (x1 + x2) / 2;
        edges[k] = el('path', {d: 'M' + x1 + ',' + y1 + ' C' + mx + ',' + y1 + ' ' + mx + ',' + y2 + ' ' + x2 + ',' + y2,
          'class': 'edge', 'data-edge': k, 'data-function': w.f.name, 'data-eni': w.e.id}, gEdges);
      }
      edges[k].classList.toggle('creating', w.creating && !w.down);
      edges[k].classList.toggle('down', w.down);
    });
    fitLabels();
    named();
  }

  // each box's accessible name: its kind and its labels in full (not cut to the box), its state at the step among them
  var KIND = {subnet: 'subnet', key: 'ENI key', eni: 'ENI', 'function': 'function'};
  function named() {
    Object.keys(nodes).forEach(function (id) {
      var n = nodes[id];
      if (!n.g) { return; }
      var said = [n.t1, n.t2].map(function (t) { return t.__full != null ? t.__full : t.textContent; });
      if (n.bar) {
        Array.prototype.forEach.call(n.bar.querySelectorAll('text'), function (t) { said.push(t.textContent); });
      }
      n.g.setAttribute('aria-label', KIND[n.g.getAttribute('class').split(' ')[1]] + ' ' + said.filter(function (x) {
        return x; }).join(', '));
    });
  }

  // ---- labels kept inside their boxes ------------------------------------------------------------------------
  // A label longer than its box (real AWS ids: 'subnet-0f1e2d3c4b5a69788 10.20.1.0/24 eu-west-1a', a key of two
  // 20-character security groups) ran over the box's edge and under the next column. It now ends in an ellipsis
  // inside the box, and the box's tooltip (its SVG title) gives every label in full (a teacher's review). Widths
  // are measured once per label, font and box width (the cache), so stepping the slider measures almost nothing.
  var ELLIPSIS = '\u2026', fitted = {};
  function fitText(text, maxW) {
    var full = text.__full != null && text.textContent === text.__shown ? text.__full : text.textContent;
    var key = (text.parentNode.getAttribute('class') || '') + '|' + (text.getAttribute('class') || '') + '|' +
      maxW + '|' + full;
    var shown = fitted[key];
    if (shown === undefined) {
      text.textContent = full;
      var len = text.getComputedTextLength();
      shown = full;
      if (len > maxW) {
        var lo = 0, hi = full.length - 1; // the most characters before the ellipsis that fit
        while (lo < hi) {
          var mid = (lo + hi + 1) >> 1;
          text.textContent = full.slice(0, mid) + ELLIPSIS;
          if (text.getComputedTextLength() <= maxW) { lo = mid; } else { hi = mid - 1; }
        }
        shown = full.slice(0, lo).replace(/[\s,\u00b7:]+$/, '') + ELLIPSIS;
      }
      if (len > 0) { fitted[key] = shown; } // not laid out yet (a hidden page): measured again next time
    }
    text.textContent = shown;
    text.__full = full;
    text.__shown = shown;
    return shown !== full;
  }
  function fitLabels() {
    Object.keys(nodes).forEach(function (id) {
      var n = nodes[id], g = n.g || n.head; // a box, or a VPC's label over its box
      var maxW = n.g ? parseFloat(n.rect.getAttribute('width')) - 12 : W.subnet - 20, cut = false, lines = [];
      Array.prototype.forEach.call(g.querySelectorAll('text'), function (t) {
        cut = fitText(t, maxW) || cut;
        if (t.__full) { lines.push(t.__full); }
      });
      var tip = g.querySelector('title');
      if (cut) {
        if (!tip) { tip = el('title', {}, null); g.insertBefore(tip, g.firstChild); }
        tip.textContent = lines.join('\n');
      } else if (tip) {
        g.removeChild(tip);
      }
    });
  }

  // ---- the slider, play, and what happened at this step ------------------------------------------------------
  var steps = topo.steps;
  var slider = document.getElementById('player-slider');
  var timeLabel = document.getElementById('player-time');
  var now = document.getElementById('player-now');
  var play = document.getElementById('player-play');
  slider.max = steps.length - 1;
  function show(i) {
    i = Math.max(0, Math.min(steps.length - 1, i));
    slider.value = i;
    var t = steps[i];
    timeLabel.textContent = clock(t, true) + '  (step ' + (i + 1) + ' of ' + steps.length + ')';
    // the slider said as the time it stands at, not as its step's number ("15")
    slider.setAttribute('aria-valuetext', clock(t, true) + ', step ' + (i + 1) + ' of ' + steps.length);
    render(t);
    while (now.firstChild) { now.removeChild(now.firstChild); }
    // each line at its step (TopologyData): a spell of invocations at the step it starts in
    var inStep = topo.events.filter(function (e) { return e.step === i; });
    inStep.slice(0, 12).forEach(function (e) {
      var li = document.createElement('li');
      li.textContent = clock(e.t, true) + '  ' + e.text;
      if (/Failed|failed|Orphaned/.test(e.text)) { li.className = 'bad'; }
      now.appendChild(li);
    });
    if (inStep.length > 12) { // said, not dropped: the narrative ("What happened") has every line
      var more = document.createElement('li');
      more.textContent = '... ' + (inStep.length - 12) + ' more in this step (see What happened)';
      now.appendChild(more);
    }
  }
  slider.addEventListener('input', function () { stop(); show(+slider.value); });
  var timer = null;
  function stop() { if (timer) { clearInterval(timer); timer = null; play.textContent = '\u25b6 play'; } }
  play.addEventListener('click', function () {
    if (timer) { stop(); return; }
    if (+slider.value >= steps.length - 1) { show(0); }
    play.textContent = '\u275a\u275a pause';
    timer = setInterval(function () {
      if (+slider.value >= steps.length - 1) { stop(); return; }
      show(+slider.value + 1);
    }, 700);
  });
  document.getElementById('player-prev').addEventListener('click', function () { stop(); show(+slider.value - 1); });
  document.getElementById('player-next').addEventListener('click', function () { stop(); show(+slider.value + 1); });

  // ---- history of one element ----------------------------------------------------------------------------------
  var panel = document.getElementById('history');
  function history(id, kind) {
    var name = kind === 'function' ? id.substring(3) : id;
    var ids = {};
    ids[name] = true;
    if (kind === 'subnet') {
      topo.enis.forEach(function (e) { if (e.subnet === id) { ids[e.id] = true; } });
    }
    if (kind === 'key') {
      (enisByKey[id] || []).forEach(function (e) { ids[e.id] = true; });
    }
    var lines = topo.events.filter(function (e) {
      return e.subjects.some(function (s) { return ids[s]; });
    });
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    var h = document.createElement('h3');
    // a subnet by its Name tag first, as its box says it (TopologyData's label)
    var said = kind === 'subnet' && subnetById[id] && subnetById[id].label || name;
    h.textContent = 'History of ' + said + ' (' + lines.length + ' event' + (lines.length === 1 ? '' : 's') +
      '; click a line, or press Enter on it, to go there)';
    h.tabIndex = -1; // focused from its box (Enter or Space): the reader goes on to its lines
    panel.appendChild(h);
    var ul = document.createElement('ul');
    lines.slice(0, 300).forEach(function (e) {
      var li = document.createElement('li');
      li.textContent = clock(e.t, true) + '  ' + e.text;
      if (/Failed|failed|Orphaned/.test(e.text)) { li.className = 'bad'; }
      li.tabIndex = 0; // reached with Tab and opened with Enter as by a click
      li.addEventListener('click', function () {
        stop();
        show(e.step);
      });
      li.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          stop();
          show(e.step);
        }
      });
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    if (lines.length > 300) {
      var more = document.createElement('p');
      more.className = 'note';
      more.textContent = (lines.length - 300) + ' more: see narrative.txt';
      panel.appendChild(more);
    }
    Array.prototype.forEach.call(gNodes.querySelectorAll('.selected'), function (n) {
      n.classList.remove('selected');
    });
    nodes[id].g.classList.add('selected');
  }

  var lo = topo.leftOut, notes = [];
  // which functions are drawn, in the words of the function table's order (Stranded.ORDER): the same functions first
  if (lo.functions > 0) { notes.push(topo.functions.length + ' of ' + NF.format(topo.functions.length + lo.functions) + ' functions drawn (' + lo.order + ')'); }
  if (lo.keys > 0) { notes.push(topo.keys.length + ' of ' + NF.format(topo.keys.length + lo.keys) + ' keys drawn'); }
  if (lo.enis > 0) { notes.push(topo.enis.length + ' of ' + NF.format(lo.enisTotal) + ' ENIs drawn'); }
  if (topo.eventsLeftOut > 0) { notes.push(NF.format(topo.eventsLeftOut) + ' later journal lines left out (see narrative.txt)'); }
  document.getElementById('topology-note').textContent = notes.length ? notes.join('; ') + '.' : '';
  show(steps.length - 1);
  window.enisim.player = {show: show, steps: steps, render: render};
})();
