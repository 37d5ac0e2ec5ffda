namespace Dials.Reporting.Html;

/// <summary>The report's style sheet and its one optional script, inline so the file stands alone. System fonts only:
/// a report must not fetch anything.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1f2933; --muted: #66727f; --line: #d9dee4; --soft: #f4f6f8; --accent: #0072B2; --warn: #D55E00; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 0 28px 64px; }
        .report-header { padding: 32px 0 18px; border-bottom: 1px solid var(--line); }
        .kicker { margin: 0; color: var(--accent); font-size: 12px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; }
        .kicker .generated { margin-left: 12px; color: var(--muted); font-weight: 400; letter-spacing: 0; text-transform: none; }
        h1 { margin: 4px 0 16px; font-size: 30px; line-height: 1.2; overflow-wrap: anywhere; }
        h2 { margin: 0 0 4px; font-size: 20px; }
        section { padding: 28px 0 8px; border-bottom: 1px solid var(--line); }
        .lead { margin: 0 0 14px; color: var(--muted); max-width: 80ch; }
        .missing { padding: 12px 16px; background: var(--soft); border-left: 4px solid var(--line); color: var(--muted); }
        .facts { display: flex; flex-wrap: wrap; gap: 10px 32px; margin: 0; }
        .facts div { min-width: 96px; }
        .facts dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
        .facts dd { margin: 0; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .facts dd small { margin-left: 6px; color: var(--muted); font-size: 13px; font-weight: 400; }
        .facts.compact dd { font-size: 16px; }
        .states { display: inline-flex; flex-wrap: wrap; gap: 4px; margin-left: 8px; vertical-align: 3px; }
        .state { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 500; background: var(--soft); }
        .state-complete { background: #e1effa; color: #005a8c; }
        .state-pruned { background: #fbe6d9; color: #a0460a; }
        .state-failed { background: #ececec; color: #4a4a4a; }
        .state-running { background: #e3f4ee; color: #00704f; }
        nav.toc { position: sticky; top: 0; z-index: 1; background: rgba(255,255,255,.96); border-bottom: 1px solid var(--line); padding: 8px 0; font-size: 13px; }
        nav.toc a { color: var(--accent); text-decoration: none; margin-right: 16px; white-space: nowrap; }
        nav.toc a:hover, nav.toc a:focus { text-decoration: underline; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 4px 0; font-size: 11px; }
        svg.chart text { fill: #4b5563; }
        svg.chart .axis line { stroke: #9aa5b1; stroke-width: 1; }
        svg.chart .axis line.grid { stroke: #edf0f3; }
        svg.chart .axis-title { font-size: 12px; font-weight: 600; fill: var(--ink); }
        svg.chart .row-label { font-size: 12px; fill: var(--ink); }
        svg.chart .value-label { font-size: 11px; font-variant-numeric: tabular-nums; }
        svg.chart .band { fill: #f3f5f7; }
        svg.chart .safe { fill: #009E73; fill-opacity: .12; }
        svg.chart .threshold { stroke: #D55E00; stroke-width: 1.5; stroke-dasharray: 6 4; }
        svg.chart .center { stroke: #1f2933; stroke-width: 1; stroke-dasharray: 2 3; }
        svg.parallel text { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        .wide { overflow-x: auto; }
        .wide svg.chart { max-width: none; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 14px 18px; }
        .grid figure { margin: 0; }
        .grid figcaption { font-size: 13px; color: var(--muted); }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 4px 0 8px; padding: 0; list-style: none; font-size: 13px; color: var(--muted); }
        .key { display: inline-block; margin-right: 6px; vertical-align: middle; }
        .key-dot { width: 9px; height: 9px; border-radius: 50%; background: currentColor; }
        .key-ring { width: 9px; height: 9px; border-radius: 50%; border: 2px solid currentColor; }
        .key-line { width: 18px; height: 3px; background: currentColor; }
        .key-dash { width: 18px; border-top: 2px dashed currentColor; }
        .key-band { width: 16px; height: 10px; background: currentColor; opacity: .25; }
        .key-cross::before { content: "\00D7"; font-weight: 700; font-size: 16px; line-height: 1; }
        .key-triangle::before { content: "\25B2"; font-size: 10px; }
        .key-gradient { width: 60px; height: 8px; border-radius: 2px; background: linear-gradient(90deg, #bddf26, #44bf70, #21918c, #345f8d, #440154); }
        .notes { margin: 6px 0; padding-left: 20px; color: var(--muted); font-size: 13px; }
        .warning { margin: 0 0 12px; padding: 12px 16px; border: 1px solid #f0b48a; border-left: 5px solid var(--warn); border-radius: 4px; background: #fff4ec; }
        .warning strong { color: #a0460a; }
        .table-scroll { overflow-x: auto; }
        table.data { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; min-width: 50%; }
        table.data caption { text-align: left; color: var(--muted); padding-bottom: 6px; }
        table.data th, table.data td { padding: 5px 12px; border-bottom: 1px solid #edf0f3; text-align: left; vertical-align: top; }
        table.data thead th { position: sticky; top: 0; background: var(--soft); border-bottom: 1px solid var(--line); font-weight: 600; white-space: nowrap; }
        table.data thead th button { all: inherit; cursor: pointer; padding: 0; }
        table.data thead th[aria-sort="ascending"] button::after { content: " \25B2"; font-size: 9px; }
        table.data thead th[aria-sort="descending"] button::after { content: " \25BC"; font-size: 9px; }
        table.data tbody tr:hover { background: #f8fafb; }
        td.num { text-align: right; white-space: nowrap; }
        .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
        .muted { color: var(--muted); }
        td.reason { color: #7a3a10; max-width: 40ch; overflow-wrap: anywhere; }
        td.strategy { white-space: nowrap; }
        td.strategy[title] { text-decoration: underline dotted #9aa5b1; cursor: help; }
        table.strategies { margin-bottom: 18px; }
        tr.row-failed td, tr.row-pruned td { color: #5b6570; }
        footer { padding: 20px 0; color: var(--muted); font-size: 12px; }
        @media print { nav.toc { display: none; } section { break-inside: avoid; } }
        """;

    /// <summary>Sorts a table by a clicked column. The page reads fine without it: the table starts in trial order.
    /// <c>dialsSortableHeads</c> turns header cells into sort buttons (aria-sort kept in step) and leaves the sorting to
    /// its caller: the rows in the page here, the embedded rows of a paged trial table (<c>PagedTrialTable</c>, whose
    /// script waits for the page to be parsed, so that this one, at the end of the page, has run).</summary>
    public const string SortScript = """
        function dialsSortableHeads(heads, sortBy) {
          Array.prototype.forEach.call(heads, function (th, column) {
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = th.textContent;
            th.textContent = "";
            th.appendChild(button);
            button.addEventListener("click", function () {
              var ascending = th.getAttribute("aria-sort") !== "ascending";
              Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              sortBy(column, ascending ? 1 : -1);
            });
          });
        }
        (function () {
          function key(cell) {
            var v = cell.getAttribute("data-v");
            if (v !== null) { return v === "" ? Infinity : parseFloat(v); }
            return cell.textContent.toLowerCase();
          }
          document.querySelectorAll("table.sortable").forEach(function (table) {
            dialsSortableHeads(table.tHead.rows[0].cells, function (column, order) {
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = key(a.cells[column]), y = key(b.cells[column]);
                return (x < y ? -1 : x > y ? 1 : 0) * order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        })();
        """;
}
