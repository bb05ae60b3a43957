/* enisim report: uPlot charts from the embedded data; one cursor, one time window, one filter. */
(function () {
  'use strict';
  if (!document.getElementById('chart-list')) { return; }
  var data = JSON.parse(document.getElementById('enisim-data').textContent);
  var cd = data.charts;
  var multiDay = cd.durationSeconds > 86400;
  var full = [0, cd.durationSeconds];
  var charts = [];          // {spec, u, el}
  var syncing = false;
  var NF = new Intl.NumberFormat('en-US', {maximumFractionDigits: 3});   // axis ticks: 0.25 apart from 0.5
  var NF1 = new Intl.NumberFormat('en-US', {maximumFractionDigits: 1});
  var NF2 = new Intl.NumberFormat('en-US', {maximumSignificantDigits: 2});
  /**
   * A value as a caption tells it (the legend, the text alternative): one decimal, two significant digits below 1
   * ("174.2", "0.042"). Three decimals whatever the value read "highest 3,039.232 at" (ms) where 3,039.2 says it.
   */
  function figure(v) { var a = Math.abs(v); return a > 0 && a < 1 ? NF2.format(v) : NF1.format(v); }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  var starts = cd.startsAtEpochSeconds;   // startsAt (UTC) or undefined
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  /** Mon 14:00 (UTC) when the scenario has startsAt. */
  function weekday(sec, seconds) {
    var t = new Date((starts + Math.max(0, Math.round(sec))) * 1000);
    return DAYS[t.getUTCDay()] + ' ' + pad(t.getUTCHours()) + ':' + pad(t.getUTCMinutes())
      + (seconds ? ':' + pad(t.getUTCSeconds()) : '');
  }
  /** Elapsed time as the narrative writes it. */
  function clock(sec, seconds) {
    if (starts !== undefined) { return weekday(sec, seconds); }
    sec = Math.max(0, Math.floor(sec)); // truncated, as the narrative
    var d = Math.floor(sec / 86400), s = sec % 86400;
    var t = pad(Math.floor(s / 3600)) + ':' + pad(Math.floor(s % 3600 / 60)) + (seconds ? ':' + pad(s % 60) : '');
    return multiDay ? d + 'd ' + t : t;
  }
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var WEEK = 604800, YEAR = 365 * 86400;
  /**
   * A tick's label on an axis showing {@code range} seconds, no two alike whatever the run's length: with startsAt a
   * day step is dated (Mon 9 Mar; "Mon" alone at each week's tick), and so is an hour step over a week or more, the
   * date above the time (Mon 9 Mar / 14:00: "Mon 14:00" came back each week), and the year under a date over a year or
   * more; without it a multi-day run's hours carry their day (1d 06:00; "06:00" came back each day), as the PNG's axis,
   * and a one-day run ends at 24:00 (its end read 00:00, as its start).
   */
  function tick(sec, step, range) {
    if (starts !== undefined) {
      var t = new Date((starts + Math.max(0, Math.round(sec))) * 1000);
      // a day step's ticks fall at midnight (xSplits); one that does not carries its time (a date alone stood for
      // 14:00 each day from a 14:00 start)
      var date = DAYS[t.getUTCDay()] + ' ' + t.getUTCDate() + ' ' + MONTHS[t.getUTCMonth()]
        + (step >= 86400 && t.getUTCHours() + t.getUTCMinutes() > 0 ? ' ' + weekday(sec, false).slice(4) : '')
        + (range >= YEAR ? '\n' + t.getUTCFullYear() : '');
      if (step >= 86400) { return date; }
      return range >= WEEK ? date.split('\n')[0] + '\n' + weekday(sec, step < 60).slice(4) : weekday(sec, step < 60);
    }
    sec = Math.round(sec);
    if (multiDay && step >= 86400) { return Math.floor(sec / 86400) + 'd'; }
    if (multiDay && sec % 86400 === 0) { return sec / 86400 + 'd'; }
    if (!multiDay && sec >= 86400) { return '24:00' + (step < 60 ? ':00' : ''); }
    var s = sec % 86400;
    var hm = pad(Math.floor(s / 3600)) + ':' + pad(Math.floor(s % 3600 / 60));
    return (multiDay ? Math.floor(sec / 86400) + 'd ' : '') + (step < 60 ? hm + ':' + pad(s % 60) : hm);
  }
  /**
   * The least room in CSS px between two ticks: a dated label ("Wed 11 Mar", over its time or year) is wider than
   * "Wed 14:00"; at 70 px a week's 12-hour ticks wrote their dates into each other.
   */
  function tickSpace(u, ax, min, max) {
    return starts !== undefined && max - min >= 2 * 86400 ? 90 : 70;
  }
  /**
   * The time axis' ticks: every {@code incr} seconds from the first midnight (UTC) of the run, on the wall clock
   * with startsAt (a day's ticks at 00:00, an hour's on the hour: from a 14:00 start they fell at 14:00 each day,
   * labelled with the date alone), from the start without it (elapsed time's own midnight), as far as the window
   * shows; in the next finer step when midnight leaves a single tick (a week's run, 420 px wide, in week steps).
   */
  function xSplits(u, ax, min, max, incr) {
    var anchor = starts === undefined ? 0 : (86400 - starts % 86400) % 86400;
    var out = splitsFrom(anchor, min, max, incr);
    for (var k = xIncrs.indexOf(incr) - 1; out.length < 2 && anchor !== 0 && k >= 0; k--) {
      out = splitsFrom(anchor, min, max, xIncrs[k]);
    }
    return out;
  }
  function splitsFrom(anchor, min, max, incr) {
    var out = [];
    for (var v = anchor + Math.ceil((min - anchor) / incr - 1e-9) * incr; v <= max + 1e-9 * incr; v += incr) {
      out.push(v);
    }
    return out;
  }
  /**
   * The time axis' labels kept inside the canvas: uPlot centres each on its tick, so the run's last (and at times its
   * first) label was cut at the chart's edge ("Sat 14 Ma"). A label that would cross an edge is taken from uPlot's
   * ({@code null}: not drawn) and drawn shifted in, flush with the edge ({@link #drawEdgeLabels}), or left out when,
   * shifted, it would come within 4 px of its neighbour: its tick and grid line stay, the cursor's legend reads its
   * time, and {@code u.enisimLeftOut} counts it. Boxes in CSS px from the canvas' left.
   */
  function inBox(u, splits, vals) {
    var ctx = u.ctx, dpr = devicePixelRatio || 1, ax = u.axes[0], out = vals.slice(), edge = [], n = vals.length;
    ctx.save();
    ctx.font = ax.font[0];
    var box = vals.map(function (t, i) {
      var w = Math.max.apply(null, String(t).split('\n').map(function (l) { return ctx.measureText(l).width; }))
        / dpr, x = u.valToPos(splits[i], 'x', true) / dpr;
      return {l: x - w / 2, r: x + w / 2, w: w};
    });
    ctx.restore();
    var leftOut = 0;
    for (var i = 0; i < n; i++) {
      var b = box[i];
      if (b.l >= 0 && b.r <= u.width) { continue; }
      out[i] = null;
      var l = b.l < 0 ? 0 : u.width - b.w, r = l + b.w;
      if ((i > 0 && out[i - 1] != null && box[i - 1].r + 4 > l) || (i < n - 1 && r + 4 > box[i + 1].l)) {
        leftOut++;
        continue;
      }
      box[i] = {l: l, r: r, w: b.w};
      edge.push({text: String(vals[i]), l: l, r: r});
    }
    u.enisimEdge = edge;
    u.enisimLeftOut = leftOut;
    return out;
  }

  /** The labels {@link #inBox} shifted in, in the axis' font, colour and place (uPlot's: below its ticks). */
  function drawEdgeLabels(u) {
    var ax = u.axes[0], ctx = u.ctx, dpr = devicePixelRatio || 1;
    if (!u.enisimEdge || !u.enisimEdge.length || ax._pos == null) { return; }
    ctx.save();
    ctx.font = ax.font[0];
    ctx.fillStyle = typeof ax.stroke === 'function' ? ax.stroke(u, 0) : (ax.stroke || '#000');
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    var y = Math.round(ax._pos * dpr) + (ax.ticks && ax.ticks.show ? Math.round(ax.ticks.size * dpr) : 0)
      + Math.round(ax.gap * dpr), lineHeight = ax.font[1] * ax.lineGap;
    u.enisimEdge.forEach(function (e) {
      e.text.split('\n').forEach(function (line, j) {
        var w = ctx.measureText(line).width, x = e.l * dpr + (e.r - e.l) * dpr / 2 - w / 2; // each line centred in the box
        ctx.fillText(line, x, y + j * lineHeight);
      });
    });
    ctx.restore();
  }

  // a clock's steps, then whole years up to the longest run a scenario takes (about 73,000 years): past 30 days
  // uPlot found no step and drew no tick at all; 60, 90 and 180 days between a month and a year (a 400-day run had
  // two ticks, a year apart)
  var xIncrs = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
    172800, 604800, 1209600, 2592000, 5184000, 7776000, 15552000];
  for (var y = 1; y <= 1e5; y *= 10) { [1, 2, 5].forEach(function (m) { xIncrs.push(m * y * YEAR); }); }
  var intIncrs = [];
  for (var k = 0; k < 12; k++) { [1, 2, 5].forEach(function (m) { intIncrs.push(m * Math.pow(10, k)); }); }

  /** The least distance in CSS pixels between two action lines; nearer actions are counted with the line before. */
  var MARKER_GAP = 10;

  /** An action label's row height in CSS px, and the least room between the lowest row and the highest line. */
  var LANE = 13, LABEL_GAP = 4;

  /**
   * The lifecycle moments' lines and labels (LifecycleMoments: Inactive, restores, scale-outs, ENIs deleted), apart
   * from the timeline actions' dashed grey: a dotted vermillion line (3.9:1 on white, WCAG 1.4.11) and its label in a
   * darker shade of it (6.5:1). Told in each chart's key under its plot.
   */
  var MOMENT = '#D55E00', MOMENT_INK = '#A63A00', ACTION = '#767676'; // Palette.ACTION
  var moments = cd.moments || [];

  /** The markers in time order, actions before moments at one instant: each {t, label, moment}. */
  var allMarkers = cd.markers.map(function (m) { return {t: m.t, label: m.label, moment: false}; })
    .concat(moments.map(function (m) { return {t: m.t, label: m.label, moment: true, detail: m.detail}; }))
    .sort(function (a, b) { return a.t - b.t || (a.moment === b.moment ? 0 : a.moment ? 1 : -1); });

  /**
   * Where the markers in view go (pure layout, nothing drawn; device px): each marker's line or its count in a
   * "+N more", each label's row and side. The value axis' range reads it ({@link #yRange}: room for the rows in use)
   * and the plugin draws it. Actions and lifecycle moments share the label rows (no label over another) and are
   * thinned each on its own: a line at least MARKER_GAP px from the one before of its kind, a marker nearer counted
   * in the "+N more" of the last label of its kind.
   */
  function markerLayout(u, ctx, dpr) {
    var min = u.scales.x.min, max = u.scales.x.max;
    // three rows for the labels of both kinds, and a fourth for the moments alone: a dense run's actions filled the
    // three before its first moment, whose "+N more" then had no label of its kind to join
    var rows = [-1e9, -1e9, -1e9, -1e9], placed = [], lastLine = {a: -1e9, m: -1e9}, lines = [], momentLines = [];
    function lastOf(kind) {
      for (var i = placed.length - 1; i >= 0; i--) { if (placed[i].moment === kind) { return placed[i]; } }
      return null;
    }
    function count(near) {
      near.more++;
      rows[near.r] = Math.max(rows[near.r], near.x + ctx.measureText(near.label + ' +' + near.more + ' more')
        .width + 8 * dpr);
    }
    // each marker labelled or counted in a "+N more"; one line per MARKER_GAP px at the most: quota-500's 110
    // creations, 30 s apart over two hours, were dashed lines 4 px apart that merged into a solid band
    allMarkers.forEach(function (m) {
      if (m.t < min || m.t > max) { return; }
      var x = Math.round(u.valToPos(m.t, 'x', true)), k = m.moment ? 'm' : 'a', near = lastOf(m.moment);
      if (x - lastLine[k] < MARKER_GAP * dpr && near) { // too near the line before of its kind: counted with it
        // a moment keeps a label of its own on that line while a row has room there (idle-reclaim's "2 ENIs
        // deleted", minutes after "2 functions Inactive" on a 40-day axis, read "+1 more")
        var wm = ctx.measureText(m.label).width + 4 * dpr;
        var fits = lastLine[k] + wm + 4 * dpr <= u.bbox.left + u.bbox.width;
        for (var q = 0; m.moment && fits && q < 4; q++) {
          if (rows[q] < lastLine[k]) {
            placed.push({x: lastLine[k], r: q, label: m.label, more: 0, flip: false, moment: true});
            rows[q] = lastLine[k] + wm + 4 * dpr;
            return;
          }
        }
        count(near);
        return;
      }
      lastLine[k] = x;
      (m.moment ? momentLines : lines).push({x: x, m: m});
      var w = ctx.measureText(m.label).width + 4 * dpr;
      // no room right of its line (az-outage's "AZ us-east-1a back up" was cut at the plot's edge, 420 px wide):
      // the label goes to the line's left
      var flip = x + w + 4 * dpr > u.bbox.left + u.bbox.width && x - w - 4 * dpr >= u.bbox.left;
      for (var r = 0; r < (m.moment ? 4 : 3); r++) {
        if (rows[r] < (flip ? x - w - 4 * dpr : x)) {
          placed.push({x: x, r: r, label: m.label, more: 0, flip: flip, moment: m.moment});
          rows[r] = flip ? x + 4 * dpr : x + w + 4 * dpr;
          return;
        }
      }
      if (!near) { near = {x: x, r: 0, label: '', more: 0, moment: m.moment}; placed.push(near); }
      count(near);
    });
    return {placed: placed, lines: lines, momentLines: momentLines};
  }

  /** The rows of marker labels a chart draws now (0: none), from its layout at its x scale and width. */
  function labelRows(spec, u) {
    if (spec.markerLabels === false || !allMarkers.length || u.scales.x.min == null) { return 0; }
    var ctx = u.ctx, dpr = devicePixelRatio || 1;
    ctx.save();
    ctx.font = (10 * dpr) + 'px system-ui,sans-serif';
    var placed = markerLayout(u, ctx, dpr).placed;
    ctx.restore();
    var rows = 0;
    placed.forEach(function (p) { rows = Math.max(rows, p.r + 1); });
    return rows;
  }

  /**
   * The marker under the pointer ({x} in CSS px from the plot's left), a moment before an action, within 5 px of its
   * line: the text the plot's title (the browser's tooltip) shows, "20d 00:00:00 batch-report restoring: ...".
   */
  function markerAt(u, x) {
    var best = null, dpr = devicePixelRatio || 1;
    ((u.enisimMomentLines || []).concat(u.enisimActionLines || [])).forEach(function (l) {
      var d = Math.abs(l.x / dpr - u.bbox.left / dpr - x);
      if (d <= 5 && (best == null || d < best.d)) { best = {d: d, m: l.m}; }
    });
    return best && clock(best.m.t, true) + '  ' + (best.m.moment ? 'lifecycle: ' + best.m.label + (best.m.detail
      ? ': ' + best.m.detail : '') : 'timeline action: ' + best.m.label);
  }

  function markersPlugin(spec) {
    return {hooks: {ready: [function (u) {
      // the hover text of a marker's line (its label cut nothing out, its detail names whom)
      u.over.addEventListener('mousemove', function (e) {
        var t = markerAt(u, e.offsetX);
        if (t) { u.over.setAttribute('title', t); } else { u.over.removeAttribute('title'); }
      });
    }], draw: [function (u) {
      var ctx = u.ctx, dpr = devicePixelRatio || 1;
      ctx.save();
      ctx.font = (10 * dpr) + 'px system-ui,sans-serif';
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      var lane = LANE * dpr, layout = markerLayout(u, ctx, dpr), placed = layout.placed, lines = [], mlines = [];
      ctx.strokeStyle = ACTION;
      ctx.setLineDash([4 * dpr, 3 * dpr]);
      ctx.lineWidth = dpr;
      layout.lines.forEach(function (l) {
        lines.push(l.x / dpr);
        ctx.beginPath(); ctx.moveTo(l.x, u.bbox.top); ctx.lineTo(l.x, u.bbox.top + u.bbox.height); ctx.stroke();
      });
      // the moments: dotted, thicker, in their own colour
      ctx.strokeStyle = MOMENT;
      ctx.setLineDash([1.5 * dpr, 2.5 * dpr]);
      ctx.lineWidth = 2 * dpr;
      layout.momentLines.forEach(function (l) {
        mlines.push(l.x / dpr);
        ctx.beginPath(); ctx.moveTo(l.x, u.bbox.top); ctx.lineTo(l.x, u.bbox.top + u.bbox.height); ctx.stroke();
      });
      ctx.lineWidth = dpr;
      u.enisimActionLines = layout.lines;
      u.enisimMomentLines = layout.momentLines;
      if (spec.markerLabels === false) { placed = []; } // the panel above labels them: lines alone here
      placed.forEach(function (p) {
        var text = p.label + (p.more ? (p.label ? ' ' : '') + '+' + p.more + ' more' : '');
        var w = ctx.measureText(text).width + 4 * dpr, right = u.bbox.left + u.bbox.width;
        // beside its line, kept inside the plot (a "+N more" can outgrow the room it was given)
        var bx = Math.max(u.bbox.left, Math.min(p.flip ? p.x - 2 * dpr - w : p.x + 2 * dpr, right - w));
        ctx.fillStyle = 'rgba(255,255,255,.85)';
        ctx.fillRect(bx, u.bbox.top + p.r * lane, w, lane - dpr);
        ctx.fillStyle = p.moment ? MOMENT_INK : '#424242';
        ctx.fillText(text, bx + 2 * dpr, u.bbox.top + p.r * lane + dpr);
        p.box = [bx / dpr, (bx + w) / dpr];
      });
      // each label's text, count, row and box (CSS px from the canvas' left): the actions' and the moments'
      function told(p) {
        return {label: p.label, more: p.more, row: p.r, box: p.box || null,
          top: (u.bbox.top + p.r * lane) / dpr, bottom: (u.bbox.top + (p.r + 1) * lane - dpr) / dpr};
      }
      u.enisimLabels = placed.filter(function (p) { return !p.moment; }).map(told);
      u.enisimMomentLabels = placed.filter(function (p) { return p.moment; }).map(told);
      u.enisimLines = lines; // the action lines drawn, CSS px from the canvas' left
      u.enisimMoments = mlines; // the moments' lines drawn, likewise
      ctx.setLineDash([6 * dpr, 4 * dpr]);
      (spec.lines || []).forEach(function (l) {
        var y = Math.round(u.valToPos(l.value, 'y', true));
        if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) { return; }
        ctx.strokeStyle = l.color; ctx.lineWidth = 1.5 * dpr;
        ctx.beginPath(); ctx.moveTo(u.bbox.left, y); ctx.lineTo(u.bbox.left + u.bbox.width, y); ctx.stroke();
        // label at the right end, on a backdrop (off the actions' labels)
        var lw = ctx.measureText(l.label).width, lx = u.bbox.left + u.bbox.width - 4 * dpr;
        ctx.fillStyle = 'rgba(255,255,255,.85)';
        ctx.fillRect(lx - lw - 2 * dpr, y - 2 * dpr - 12 * dpr, lw + 4 * dpr, 12 * dpr);
        // the label in dark ink by its line (WCAG 1.4.3): "251 usable" in the others' grey was 2.7:1 on white
        ctx.fillStyle = '#424242'; ctx.textBaseline = 'bottom'; ctx.textAlign = 'right';
        ctx.fillText(l.label, lx, y - 2 * dpr);
        ctx.textBaseline = 'top'; ctx.textAlign = 'left';
      });
      ctx.restore();
    }]}};
  }

  /**
   * The value axis' range: from 0 (or the data's least) to a top that leaves room above the data for the rows of
   * action labels the chart draws ({@link #labelRows}, LANE px each, LABEL_GAP px clear of the highest line) and for a
   * value line's own label (14 px above it): a fixed 22% headroom put shared-eni-65k's third row, 220 px high on a
   * phone, across its lines. At least 8% above the highest value when there is no label. A subnet's fixed range
   * (yMin, yMax: three round ticks) is raised by its own step until the room is there.
   */
  function yRange(spec) {
    return function (u, min, max) {
      var dpr = devicePixelRatio || 1, height = u.bbox.height / dpr, rows = u.enisimRows || 0;
      u.enisimRanged = rows + ':' + u.bbox.height; // what this range was made for (the draw hook checks it)
      var band = rows ? rows * LANE + LABEL_GAP : 0;
      var lower = spec.yMax != null ? spec.yMin : spec.yMin != null ? spec.yMin : Math.min(0, min || 0);
      var top = spec.yMax != null ? null : max, need = [];
      // a stepped line holds its value until its next point: the one before the window runs into it (uPlot ranges on
      // the points in the window; zoomed into orphaned-enis, a level of 2 from the left edge was drawn on the top)
      var i0 = u.series[0].idxs ? u.series[0].idxs[0] : 0;
      if (spec.stepped && top != null && i0 > 0) {
        for (var s = 1; s < u.series.length; s++) {
          var before = u.data[s] && u.data[s][i0 - 1];
          if (u.series[s].show && before != null && before > top) { top = before; }
        }
      }
      if (top != null && isFinite(top)) { need.push([top, band]); }
      (spec.lines || []).forEach(function (l) {
        top = top == null ? l.value : Math.max(top, l.value);
        need.push([l.value, band + 14]);
      });
      // the top that puts each value (data or line) its room below the plot's top: lower + (v - lower) * H / (H - room)
      function room(upper) {
        need.forEach(function (n) {
          var r = Math.min(n[1], height * 0.6);
          if (n[0] > lower && height > r) { upper = Math.max(upper, lower + (n[0] - lower) * height / (height - r)); }
        });
        return upper;
      }
      if (spec.yMax != null) {
        var step = (spec.yMax - spec.yMin) / 2, upper = spec.yMax, wanted = room(upper);
        while (upper < wanted - 1e-9 && step > 0) { upper += step; }
        return [spec.yMin, upper];
      }
      if (top == null || !isFinite(top) || top <= 0) { top = 1; }
      var upper2 = room(lower + (top - lower) * 1.08);
      if (spec.integer) { upper2 = Math.max(1, Math.ceil(upper2)); }
      return [lower, upper2];
    };
  }

  /**
   * After a draw: when the rows of action labels in use (or the plot's height) differ from those the value axis was
   * ranged for, ranges it again (uPlot re-ranges an auto axis when its x scale is set) and so draws again. The rows
   * depend on the x window and the width, not on the value axis, so a second pass finds them the same.
   */
  function keepLabelsOffLines(spec) {
    return function (u) {
      var rows = labelRows(spec, u);
      var want = rows + ':' + u.bbox.height, at = want + ':' + u.scales.x.min + ':' + u.scales.x.max;
      // once per window and size: the rows do not depend on the value axis, so a second pass finds them the same
      if (u.enisimRanged === want || u.enisimAsked === at) { return; }
      u.enisimRows = rows;
      u.enisimAsked = at;
      // after this draw's commit (a scale set during it would wait for the next one); before the frame is painted
      queueMicrotask(function () { u.setScale('x', {min: u.scales.x.min, max: u.scales.x.max}); });
    };
  }

  function width(el) { return Math.max(280, el.clientWidth); }

  // a value between two gaps is drawn as a dot (a stepped path needs a next point)
  function isolated(u, si, show) {
    if (show) { return null; }
    var d = u.data[si], out = [];
    for (var i = 0; i < d.length; i++) {
      if (d[i] != null && (i === 0 || d[i - 1] == null) && (i === d.length - 1 || d[i + 1] == null)) { out.push(i); }
    }
    return out.length ? out : null;
  }

  /** A series' colour (#RRGGBB) at the given opacity: Succeeded's fill in its own (Palette's) colour. */
  function tint(hex, alpha) {
    var n = parseInt(String(hex).replace('#', ''), 16);
    return 'rgba(' + (n >> 16 & 255) + ',' + (n >> 8 & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  /** The chart's note: a function's own (its choice's) while one is picked in the latency chart's list. */
  function noteOf(spec, choice) {
    var c = spec.choices && spec.choices[choice];
    return c && c.note ? c.note : spec.note;
  }

  function build(spec, el, series, note) {
    var stepped = spec.stepped ? uPlot.paths.stepped({align: 1}) : undefined;
    var opts = {
      title: spec.title,
      width: width(el),
      height: spec.small ? 170 : (window.innerWidth < 600 ? 220 : 280),
      cursor: {sync: {key: 'enisim', setSeries: false}, drag: {x: true, y: false}, focus: {prox: 16}},
      focus: {alpha: 0.35},
      legend: {live: true},
      scales: {x: {time: false, min: full[0], max: full[1]}, y: {range: yRange(spec)}},
      axes: [
        {values: function (u, splits, ax, space, incr) {
          var range = u.scales.x.max - u.scales.x.min;
          return inBox(u, splits, splits.map(function (v) { return tick(v, incr, range); }));
        },
          incrs: xIncrs, splits: xSplits, space: tickSpace, grid: {stroke: '#eee'}},
        {values: function (u, splits) { return splits.map(function (v) { return NF.format(v); }); },
          incrs: spec.integer ? intIncrs : undefined, size: 60, grid: {stroke: '#eee'},
          label: spec.yLabel, labelSize: 18}
      ],
      series: [{label: 'time', value: function (u, v) { return v == null ? '-' : clock(v, true); }}],
      plugins: [markersPlugin(spec)].concat(warmUpPlugin()),
      hooks: {draw: [drawEdgeLabels, keepLabelsOffLines(spec)], setScale: [function (u, key) {
        if (key !== 'x' || syncing) { return; }
        syncing = true;
        var min = u.scales.x.min, max = u.scales.x.max;
        charts.forEach(function (c) {
          if (c.u !== u && (c.u.scales.x.min !== min || c.u.scales.x.max !== max)) {
            c.u.setScale('x', {min: min, max: max});
          }
        });
        syncing = false;
      }]}
    };
    var cols = [cd.x];
    series.forEach(function (s) {
      // dash: true (the default pattern) or the image's own pattern (on, off, ... px: the invocations' error series)
      opts.series.push({label: s.label, stroke: s.color, width: s.dash === true ? 1.2 : 1.6,
        dash: Array.isArray(s.dash) ? s.dash : s.dash ? [6, 4] : undefined,
        fill: spec.id === 'invocations' && s.label === 'Succeeded' ? tint(s.color, 0.10) : undefined,
        paths: stepped, spanGaps: false, points: {show: false, filter: isolated, size: 6},
        value: function (u, v) { return v == null ? '-' : figure(v); }});
      cols.push(s.values);
    });
    var u = new uPlot(opts, cols, el);
    legendLines(u, series);
    legendButtons(u);
    keyCursor(u, spec);
    describe(u, spec, series, note);
    return u;
  }

  /**
   * Each legend entry a button (WCAG 2.1.1): Enter or Space hides or shows its series as a click does, and
   * aria-pressed says whether it is drawn. uPlot's entries took the mouse only (a review: a keyboard user could
   * neither hide a line nor reach one). The button sits in the entry's row header, whose click uPlot handles; the
   * filter's hiding is told too (uPlot's setSeries hook).
   */
  function legendButtons(u) {
    var heads = u.root.querySelectorAll('.u-legend tr.u-series th');
    var buttons = [];
    Array.prototype.forEach.call(heads, function (th, i) {
      if (i === 0) { return; } // the time's row
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'legend-toggle';
      while (th.firstChild) { b.appendChild(th.firstChild); }
      th.appendChild(b);
      // named with its chart: a legend's "A", "B" or "p50" alone said little to a screen reader
      b.setAttribute('aria-label', u.series[i].label + ', line of ' + (u.root.querySelector('.u-title') || {}).textContent);
      buttons[i] = b;
    });
    function pressed() {
      buttons.forEach(function (b, i) { if (b) { b.setAttribute('aria-pressed', String(u.series[i].show)); } });
    }
    pressed();
    u.hooks.setSeries = (u.hooks.setSeries || []).concat(pressed);
  }

  /**
   * The cursor from the keyboard: the plot takes the focus (a slider over the run's time); Left and Right move the
   * cursor one point, Page Up and Page Down ten, Home and End to the window's first and last, Escape hides it. The
   * legend shows the values as under the mouse, and a live region reads them out with the time and the marked line
   * there, if any ("00:10:00: Succeeded 1,234; Throttles 0. Timeline action: ..."): the mouse's read-out and a
   * line's hover text had no keyboard way.
   */
  function keyCursor(u, spec) {
    var over = u.over, at = -1;
    over.tabIndex = 0;
    over.setAttribute('role', 'slider');
    over.setAttribute('aria-label', 'Cursor over ' + spec.title + ': the arrow keys move it along the time');
    over.setAttribute('aria-valuemin', String(full[0]));
    over.setAttribute('aria-valuemax', String(full[1]));
    var said = document.createElement('p');
    said.className = 'vh cursor-readout';
    said.setAttribute('aria-live', 'polite');
    u.root.appendChild(said);
    function inWindow() {
      var lo = -1, hi = -1;
      for (var i = 0; i < cd.x.length; i++) {
        if (cd.x[i] >= u.scales.x.min && cd.x[i] <= u.scales.x.max) { if (lo < 0) { lo = i; } hi = i; }
      }
      return [lo, hi];
    }
    function readOut(i) {
      var parts = [];
      for (var k = 1; k < u.series.length; k++) {
        if (!u.series[k].show) { continue; }
        var v = u.data[k][i];
        parts.push(u.series[k].label + ' ' + (v == null ? 'no data' : figure(v)));
      }
      // the line at the cursor, if any, as the mouse's hover text says it
      var line = markerAt(u, u.valToPos(cd.x[i], 'x'));
      return clock(cd.x[i], true) + ': ' + (parts.length ? parts.join('; ') : 'no series shown') + '.'
        + (line ? ' ' + sentence(line.replace(/^.*? {2}/, '').replace(/^./, function (c) { return c.toUpperCase(); }))
          : '');
    }
    function show(i) {
      at = i;
      u.setCursor({left: u.valToPos(cd.x[i], 'x'), top: -10}, true, true);
      over.setAttribute('aria-valuenow', String(cd.x[i]));
      over.setAttribute('aria-valuetext', clock(cd.x[i], true));
      said.textContent = readOut(i);
    }
    over.addEventListener('focus', function () {
      var w = inWindow();
      if (w[0] >= 0) { show(at >= w[0] && at <= w[1] ? at : w[0]); }
    });
    over.addEventListener('blur', function () { u.setCursor({left: -10, top: -10}, true, true); });
    over.addEventListener('keydown', function (e) {
      var w = inWindow(), step = {ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageUp: 10,
        PageDown: -10}[e.key];
      if (w[0] < 0) { return; }
      var from = at >= w[0] && at <= w[1] ? at : w[0];
      if (step !== undefined) { show(Math.max(w[0], Math.min(w[1], from + step))); }
      else if (e.key === 'Home') { show(w[0]); }
      else if (e.key === 'End') { show(w[1]); }
      else if (e.key === 'Escape') { u.setCursor({left: -10, top: -10}, true, true); said.textContent = ''; }
      else { return; }
      e.preventDefault();
    });
  }

  /**
   * Each legend entry shows its series' line, dash pattern included (WCAG 1.4.1): uPlot's markers were squares in
   * the series' colour, so the legend told the dashed outcomes apart by colour alone.
   */
  function legendLines(u, series) {
    // the legend is a table of row headers (the series) and their values at the cursor
    Array.prototype.forEach.call(u.root.querySelectorAll('.u-legend th'), function (th) {
      th.setAttribute('scope', 'row');
    });
    var legend = u.root.querySelector('table.u-legend');
    if (legend) { legend.setAttribute('aria-label', 'legend of ' + (u.root.querySelector('.u-title') || {}).textContent); }
    var markers = u.root.querySelectorAll('.u-legend .u-series .u-marker');
    series.forEach(function (s, i) {
      var m = markers[i + 1]; // the first row is the time
      if (!m) { return; }
      var dash = Array.isArray(s.dash) ? s.dash.join(' ') : s.dash ? '6 4' : '';
      m.style.border = '0';
      m.style.background = 'none';
      m.style.width = '28px';
      m.style.height = '10px';
      m.style.verticalAlign = 'middle';
      m.setAttribute('data-dash', dash || 'solid');
      m.innerHTML = '<svg width="28" height="10" aria-hidden="true" focusable="false"><line x1="1" y1="5" x2="27" '
        + 'y2="5" stroke="' + s.color + '" stroke-width="2.5"' + (dash ? ' stroke-dasharray="' + dash + '"' : '')
        + '/></svg>';
    });
  }

  /** A sentence ends with a full stop: a note without one ran into the next ("reserved 200 Lifecycle moments"). */
  function sentence(t) {
    t = String(t).trim();
    return t === '' || /[.!?:]$/.test(t) ? t : t + '.';
  }

  /**
   * What a line did, in words: its highest value and when; on a chart of free IPs its lowest first, and when it first
   * reached 0 ("reached 0 at 00:50:00"), the story a reader of the chart sees (a review: the text gave the highest
   * 3 at 00:00:00, never that the subnet ran out).
   */
  function story(s, low) {
    var top = null, at = 0, bottom = null, bat = 0;
    s.values.forEach(function (v, i) {
      if (v == null) { return; }
      if (top == null || v > top) { top = v; at = cd.x[i]; }
      if (bottom == null || v < bottom) { bottom = v; bat = cd.x[i]; }
    });
    if (top == null) { return s.label + ': no data'; }
    var high = 'highest ' + figure(top) + ' at ' + clock(at, true);
    if (!low) { return s.label + ': ' + high; }
    var least = bottom === 0 ? 'reached 0 at ' + clock(bat, true) : 'lowest ' + figure(bottom) + ' at ' + clock(bat, true);
    return s.label + ': ' + least + (bottom === top ? '' : ', ' + high);
  }

  /**
   * The warm-up a run's summary leaves out (run --warm-up; cd.warmUpSeconds, absent without one), as the static charts
   * shade it: a light grey band over [0, warm-up) behind the lines, labelled "warm-up" at its foot. No plugin without
   * a warm-up. (Its own function, apart from the legend's and the markers' code.)
   */
  function warmUpPlugin() {
    if (!(cd.warmUpSeconds > 0)) { return []; }
    return [{hooks: {drawClear: [function (u) {
      var ctx = u.ctx, dpr = devicePixelRatio || 1;
      var left = Math.max(u.bbox.left, u.valToPos(0, 'x', true));
      var right = Math.min(u.bbox.left + u.bbox.width, u.valToPos(cd.warmUpSeconds, 'x', true));
      if (right <= left) { u.enisimWarmUp = null; return; } // zoomed past it
      ctx.save();
      ctx.fillStyle = '#eeeeee';
      ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
      ctx.restore();
      u.enisimWarmUp = {left: left / dpr, right: right / dpr}; // the band drawn, CSS px from the canvas' left
    }], draw: [function (u) {
      // the label over the grid lines (drawn after the band), on a patch of the band's grey, when it fits
      var b = u.enisimWarmUp, ctx = u.ctx, dpr = devicePixelRatio || 1;
      if (!b || b.right <= b.left) { return; }
      ctx.save();
      ctx.font = (10 * dpr) + 'px system-ui,sans-serif';
      var w = ctx.measureText('warm-up').width + 4 * dpr, mid = (b.left + b.right) / 2 * dpr;
      if (w <= (b.right - b.left) * dpr) {
        var y = u.bbox.top + u.bbox.height - 2 * dpr;
        ctx.fillStyle = '#eeeeee';
        ctx.fillRect(mid - w / 2, y - 12 * dpr, w, 12 * dpr);
        ctx.fillStyle = '#404040';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText('warm-up', mid, y);
      }
      ctx.restore();
    }]}}];
  }

  /** The text alternative's sentence on the warm-up band (empty without a warm-up). */
  function warmUpText() {
    return cd.warmUpSeconds > 0 ? ' Shaded light grey and labelled warm-up: ' + clock(0, true) + ' to '
      + clock(cd.warmUpSeconds, true) + ', the warm-up the summary\'s figures leave out (--warm-up).' : '';
  }

  /**
   * A chart's accessible name and text alternative (WCAG 1.1.1): its canvas was a bare <canvas>. The name says
   * what it shows; the fallback content (read by screen readers) each line's story ({@link story}), the
   * timeline actions and lifecycle moments it marks, and the note last, each a sentence.
   */
  function describe(u, spec, series, note) {
    var canvas = u.ctx.canvas;
    var low = /^free /i.test(spec.yLabel || '');
    var parts = series.map(function (s) { return story(s, low); });
    // a panel named within its chart ("Invocations by outcome, per minute; panel: ServiceException: 7,067 ...")
    var owner = spec.panelOf && cd.charts.filter(function (c) { return c.id === spec.panelOf; })[0];
    var marked = spec.markerLabels !== false;
    var text = (owner ? owner.title + '; panel: ' : '') + spec.title + ' (' + (spec.yLabel || 'value') + ' over simulated time, ' + clock(full[0], true) +
      ' to ' + clock(full[1], true) + '). ' + (parts.length ? parts.join('; ') + '.' : 'No series.') +
      (marked && cd.markers.length ? ' Timeline actions marked: '
      + cd.markers.map(function (m) { return clock(m.t, true) + ' ' + m.label; }).join('; ') + '.' : '')
      + (marked && moments.length ? ' Lifecycle moments marked: '
      + moments.map(function (m) { return clock(m.t, true) + ' ' + m.label; }).join('; ') + '.' : '')
      + warmUpText()
      // the note last, as the function picked changes it (LatencyNoteBrowserTest: the name ends with it)
      + (note ? ' ' + sentence(note) : '');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', text);
    canvas.textContent = text;
  }

  /**
   * The key to a chart's vertical lines, under its plot: the timeline actions' dashed grey line and the lifecycle
   * moments' dotted vermillion one (each when the page has any), drawn as the plot draws them, and how to read more.
   */
  function markerKey(box) {
    if (!allMarkers.length) { return; }
    var key = document.createElement('div');
    key.className = 'marker-key';
    function entry(colour, dash, width, text) {
      var s = document.createElement('span');
      s.innerHTML = '<svg width="12" height="14" aria-hidden="true" focusable="false"><line x1="6" y1="1" x2="6" '
        + 'y2="13" stroke="' + colour + '" stroke-width="' + width + '" stroke-dasharray="' + dash + '"/></svg>';
      s.appendChild(document.createTextNode(text));
      key.appendChild(s);
    }
    if (cd.markers.length) { entry(ACTION, '4 3', 1.2, 'timeline action'); }
    if (moments.length) {
      entry(MOMENT, '1.5 2.5', 2, 'lifecycle moment (Inactive, restore, Failed, scale-out, ENIs deleted or orphaned)');
    }
    var hint = document.createElement('span');
    hint.className = 'key-hint';
    hint.textContent = 'point at a line for what it marks (from the keyboard: Tab to the chart, then the arrow keys)';
    key.appendChild(hint);
    box.appendChild(key);
  }

  function add(spec, list) {
    // a panel of the chart before it (the invocations that did not succeed, on a scale of their own) in its box
    var owner = spec.panelOf && document.getElementById('chart-' + spec.panelOf);
    var box = owner || document.createElement('div');
    if (!owner) {
      box.className = 'chart';
      box.id = 'chart-' + spec.id;
    }
    // a heading (h3 under the section's h2, a panel's h4 under its chart's): a reader's list of headings had none
    var head = document.createElement(owner ? 'h4' : 'h3');
    head.className = owner ? 'head panel' : 'head';
    head.id = 'chart-' + spec.id + '-head';
    head.textContent = spec.title;
    box.appendChild(head);
    var entry = {spec: spec, u: null, el: document.createElement('div'), series: spec.series, note: null};
    if (spec.choices && spec.choices.length > 1) {
      var sel = document.createElement('select');
      sel.setAttribute('aria-label', 'function');
      spec.choices.forEach(function (c, i) {
        var o = document.createElement('option');
        o.value = i; o.textContent = c.name; sel.appendChild(o);
      });
      sel.addEventListener('change', function () {
        var x = entry.u.scales.x;
        entry.series = spec.choices[+sel.value].series;
        // the note follows the pick: it named the equal percentiles of all functions together whichever was drawn
        if (entry.note) { entry.note.textContent = noteOf(spec, +sel.value); }
        entry.u.destroy();
        entry.u = build(spec, entry.el, entry.series, noteOf(spec, +sel.value));
        entry.u.setScale('x', {min: x.min, max: x.max});
        applyFilter();
      });
      head.appendChild(sel);
    }
    box.appendChild(entry.el);
    if (!owner) { markerKey(box); }
    if (spec.note || (spec.choices || []).some(function (c) { return c.note; })) {
      entry.note = document.createElement('p');
      entry.note.className = 'note';
      entry.note.textContent = spec.note;
      box.appendChild(entry.note);
    }
    if (!owner) { list.appendChild(box); }
    entry.u = build(spec, entry.el, entry.series, spec.note);
    charts.push(entry);
  }

  function applyFilter() {
    var q = (document.getElementById('filter').value || '').trim().toLowerCase();
    charts.forEach(function (c) {
      c.series.forEach(function (s, i) {
        if (s.scope === 'function' || s.scope === 'eniKey' || s.scope === 'subnet') {
          var show = q === '' || s.id.toLowerCase().indexOf(q) >= 0;
          if (c.u.series[i + 1].show !== show) { c.u.setSeries(i + 1, {show: show}); }
        }
      });
    });
  }

  function window_(f) {
    var x = charts[0].u.scales.x, span = x.max - x.min, next = f(x.min, x.max, span);
    var lo = Math.max(full[0], next[0]), hi = Math.min(full[1], next[1]);
    if (hi - lo < cd.stepSeconds) { return; }
    charts[0].u.setScale('x', {min: lo, max: hi});
  }

  var list = document.getElementById('chart-list');
  if (cd.markersLeftOut > 0) {
    var left = document.createElement('p');
    left.className = 'note';
    left.textContent = 'The charts mark the first ' + cd.markers.length + ' timeline actions; '
      + cd.markersLeftOut + ' later ones are not marked (the narrative lists every one).';
    list.appendChild(left);
  }
  cd.charts.forEach(function (spec) { add(spec, list); });
  var names = {};
  cd.charts.forEach(function (spec) {
    (spec.choices ? [].concat.apply([], spec.choices.map(function (c) { return c.series; })) : spec.series)
      .forEach(function (s) { if (s.scope === 'function' || s.scope === 'eniKey') { names[s.id] = true; } });
  });
  var dl = document.getElementById('filter-names');
  Object.keys(names).sort().forEach(function (n) {
    var o = document.createElement('option'); o.value = n; dl.appendChild(o);
  });
  document.getElementById('filter').addEventListener('input', applyFilter);
  document.getElementById('zoom-in').addEventListener('click', function () {
    window_(function (a, b, s) { return [a + s / 4, b - s / 4]; });
  });
  document.getElementById('zoom-out').addEventListener('click', function () {
    window_(function (a, b, s) { return [a - s / 2, b + s / 2]; });
  });
  document.getElementById('pan-left').addEventListener('click', function () {
    window_(function (a, b, s) { var d = Math.min(s / 2, a - full[0]); return [a - d, b - d]; });
  });
  document.getElementById('pan-right').addEventListener('click', function () {
    window_(function (a, b, s) { var d = Math.min(s / 2, full[1] - b); return [a + d, b + d]; });
  });
  document.getElementById('zoom-reset').addEventListener('click', function () {
    charts[0].u.setScale('x', {min: full[0], max: full[1]});
  });
  // each chart follows its container before the next frame
  function fit(c) {
    var w = width(c.el);
    if (c.u && c.u.width !== w) { c.u.setSize({width: w, height: c.u.height}); }
  }
  if (typeof ResizeObserver === 'function') {
    var watcher = new ResizeObserver(function () { charts.forEach(fit); });
    charts.forEach(function (c) { watcher.observe(c.el); });
  }
  window.addEventListener('resize', function () { charts.forEach(fit); });
  window.enisim = {charts: charts, clock: clock, data: data};
})();

/*
 * The narrated timeline ("What happened"): each line in a block of its own with a hanging indent, so that a line
 * wrapped on a phone goes on under its text, not under its time stamp (it went back to the pre's left edge, 420 px
 * wide, and the time stamps no longer stood out). The text is unchanged (copied, it reads as narrative.txt); each
 * line's indent is its time stamp and the two spaces after it ("1d 00:00:00  ", "Mon 14:00:00  "), or its leading
 * spaces and "why: " for an explanation. Lines are made here, not in the markup: 400 lines of markup would add
 * some 10 kB to a page whose size is bounded.
 */
(function () {
  'use strict';
  var pre = document.querySelector('#story pre');
  if (!pre) { return; }
  var frag = document.createDocumentFragment(), line = null, count = 0;
  function indent(t) {
    var m = /^ +(why: )?/.exec(t) || /^\S.{0,20}?  (?=\S)/.exec(t);
    return m ? m[0].length : 0;
  }
  function close() {
    if (!line) { return; }
    var n = indent(line.textContent);
    if (n > 0) {
      line.style.paddingLeft = n + 'ch';
      line.style.textIndent = -n + 'ch';
    }
    frag.appendChild(line);
    line = null;
  }
  function open() {
    if (!line) {
      line = document.createElement('span');
      line.className = 'line';
      count++;
    }
    return line;
  }
  Array.prototype.slice.call(pre.childNodes).forEach(function (node) {
    if (node.nodeType !== 3) { open().appendChild(node); return; } // a failure's line (span.bad), its newline after
    node.nodeValue.split('\n').forEach(function (part, i) {
      if (i > 0) { open().appendChild(document.createTextNode('\n')); close(); }
      if (part) { open().appendChild(document.createTextNode(part)); }
    });
  });
  close();
  pre.textContent = '';
  pre.appendChild(frag);
  pre.className = (pre.className ? pre.className + ' ' : '') + 'lines';
})();
