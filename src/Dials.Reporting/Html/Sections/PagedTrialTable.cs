using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dials.Analysis;
using Dials.Reporting.Html.Charts;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>
/// The trial table of a large study: one row per trial for tens of thousands of trials is megabytes of markup and
/// seconds of layout, so the page holds the first page (the best trials first) as rows and every trial as compact
/// JSON, from which an inline script pages and sorts. Without scripts the best trials still show.
/// </summary>
/// <remarks>The JSON keeps what the table shows (values at four or five significant digits); the exact values are in
/// the CSV and JSON exports. Each row is <c>[number, state, value, seconds, strategy, reason, parameters..., fail
/// reason]</c> with texts as indexes into one list of distinct strings (-1 for none) and null where there is no
/// value.</remarks>
internal static class PagedTrialTable
{
    /// <summary>Studies with more trials than this get the paged table.</summary>
    public const int Above = 1000;

    /// <summary>Rows per page.</summary>
    public const int PageSize = 100;

    /// <summary>The id of the embedded JSON.</summary>
    private const string DataId = "trial-rows";

    public static void Write(MarkupWriter w, StudySnapshot study)
    {
        var ordered = BestFirst(study);
        w.Element("p", $"{Invariant.Integer(study.Trials.Count)} trials, the best first, {Invariant.Integer(PageSize)} a page: with scripts " +
            "enabled, page through all of them and click a heading to sort them all; without, the best " +
            $"{Invariant.Integer(PageSize)} show. The CSV and JSON exports hold every trial with its exact values.", ("class", "muted"));
        TrialTableSection.Open(w, study, "data trials paged");
        foreach (var trial in ordered.Take(PageSize))
        {
            TrialTableSection.Row(w, study.Space.Dimensions, trial);
        }

        w.Close().Close().Close();
        w.Open("script", ("type", "application/json"), ("id", DataId)).Trusted(Json(study, ordered)).Close();
        w.Open("script").Trusted(Script).Close();
    }

    /// <summary>Complete trials from best to worst, then the others by number.</summary>
    private static List<TrialRecord> BestFirst(StudySnapshot study)
    {
        if (study.IsMultiObjective)
        {
            // No single value orders them: the front first, then each further non-dominated rank.
            var ranked = StudyFront.Ranked(study);
            var placed = ranked.Select(t => t.Number).ToHashSet();
            return [.. ranked, .. study.Trials.Where(t => !placed.Contains(t.Number))];
        }

        var sign = study.Direction == Direction.Minimize ? 1 : -1;
        return
        [
            .. study.Complete.OrderBy(t => sign * t.Value!.Value).ThenBy(t => t.Number),
            .. study.Trials.Where(t => t.State != TrialState.Complete || t.Value is null),
        ];
    }

    private static string Json(StudySnapshot study, List<TrialRecord> ordered)
    {
        var dimensions = study.Space.Dimensions;
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        int Index(string? text) => text is null ? -1 : strings.TryGetValue(text, out var index) ? index : strings[text] = strings.Count;

        var buffer = new ArrayBufferWriter<byte>();
        // The default encoder escapes <, > and & (and all non-ASCII), so no text can close the script element early.
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("pageSize", PageSize);
            json.WriteStartArray("kinds");
            foreach (var dimension in dimensions)
            {
                json.WriteStringValue(dimension.Kind switch { DimensionKind.Categorical => "c", DimensionKind.Float => "f", _ => "i" });
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var trial in ordered)
            {
                json.WriteStartArray();
                json.WriteNumberValue(trial.Number);
                json.WriteNumberValue(Index(trial.State.ToString().ToLowerInvariant()));
                if (trial is { State: TrialState.Complete, Values: { Count: > 1 } values })
                {
                    // A study of several objectives: the vector, which the script shows in full and sorts by its first.
                    json.WriteStartArray();
                    foreach (var value in values)
                    {
                        Number(json, value, "G7");
                    }

                    json.WriteEndArray();
                }
                else
                {
                    Number(json, TrialValues.Shown(trial), "G7");
                }

                Number(json, trial.Duration is { } d ? Math.Round(d.TotalSeconds, 3) : null, "R");
                json.WriteNumberValue(Index(trial.Strategy));
                json.WriteNumberValue(Index(trial.StrategyReason));
                for (var i = 0; i < dimensions.Count; i++)
                {
                    var value = i < trial.Point.Count ? trial.Point[i] : double.NaN;
                    if (double.IsNaN(value))
                    {
                        json.WriteNullValue();
                    }
                    else if (dimensions[i].Kind == DimensionKind.Categorical)
                    {
                        json.WriteNumberValue(Index(dimensions[i].Format(value)));
                    }
                    else
                    {
                        Number(json, value, dimensions[i].Kind == DimensionKind.Float ? "G5" : "R");
                    }
                }

                json.WriteNumberValue(Index(trial.FailReason));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("strings");
            foreach (var text in strings.Keys)
            {
                json.WriteStringValue(text);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A number at the precision the table shows (so the JSON stays small), or null when missing or not finite.</summary>
    private static void Number(Utf8JsonWriter json, double? value, string format)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumberValue(double.Parse(v.ToString(format, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>Pages and sorts the table from the embedded JSON; cells are built as the server builds the first page's.
    /// It runs once the page is parsed, when the report's sort script (at the page's end) has defined
    /// <c>dialsSortableHeads</c>.</summary>
    private const string Script = """
        document.addEventListener("DOMContentLoaded", function () {
          var data = JSON.parse(document.getElementById("trial-rows").textContent);
          var table = document.querySelector("table.paged"), body = table.tBodies[0], heads = table.tHead.rows[0].cells;
          var rows = data.rows, kinds = data.kinds, s = data.strings, size = data.pageSize, page = 0, last = 6 + kinds.length;
          function value(v) {
            if (v === 0) { return "0"; }
            var a = Math.abs(v);
            if (a >= 1e-3 && a < 1e5) { return String(Number(v.toPrecision(5))); }
            var e = v.toExponential(3).split("e");
            return String(Number(e[0])) + "E" + e[1];
          }
          function duration(t) {
            if (t === null) { return "–"; }
            if (t < 1) { return Math.round(t * 1000) + " ms"; }
            if (t < 60) { return t.toFixed(1) + " s"; }
            if (t < 3600) { return Math.floor(t / 60) + " min " + Math.floor(t % 60) + " s"; }
            return Math.floor(t / 3600) + " h " + Math.floor(t % 3600 / 60) + " min";
          }
          function cell(tr, text, cls, key, title) {
            var td = tr.insertCell();
            td.textContent = text;
            td.className = cls;
            if (key !== undefined) { td.setAttribute("data-v", key === null ? "" : key); }
            if (title) { td.title = title; }
          }
          function text(i) { return i < 0 ? null : s[i]; }
          function render() {
            body.textContent = "";
            rows.slice(page * size, (page + 1) * size).forEach(function (r) {
              var tr = body.insertRow(), state = s[r[1]], span = document.createElement("span");
              tr.className = "row-" + state;
              cell(tr, String(r[0]), "num", r[0]);
              span.className = "state state-" + state;
              span.textContent = state;
              tr.insertCell().appendChild(span);
              if (Array.isArray(r[2])) { cell(tr, r[2].map(function (v) { return v === null ? "–" : value(v); }).join(", "), "num", r[2][0]); }
              else { cell(tr, r[2] === null ? "–" : value(r[2]) + (state === "pruned" ? " (last)" : ""), "num", r[2]); }
              cell(tr, duration(r[3]), "num", r[3]);
              if (r[4] < 0) { cell(tr, "–", "muted", undefined, "not recorded"); } else { cell(tr, s[r[4]], "strategy", undefined, text(r[5])); }
              kinds.forEach(function (kind, i) {
                var v = r[6 + i];
                if (v === null) { cell(tr, "–", "muted", null); }
                else if (kind === "c") { cell(tr, s[v], "mono"); }
                else { cell(tr, kind === "f" ? value(v) : String(v), "num", v); }
              });
              cell(tr, text(r[last]) || "", "reason");
            });
            var pages = Math.max(1, Math.ceil(rows.length / size));
            label.textContent = "Page " + (page + 1) + " of " + pages;
            first.disabled = previous.disabled = page === 0;
            next.disabled = page >= pages - 1;
          }
          // Table column -> sort key: the row array holds the strategy's reason after the strategy, so parameters sit one further.
          function key(r, column) {
            var dimension = column - 5;
            if (column === 1 || column === 4) { return (text(r[column]) || "").toLowerCase(); }
            if (column === 5 + kinds.length) { return (text(r[last]) || "").toLowerCase(); }
            var v = column < 4 ? r[column] : r[6 + dimension];
            if (Array.isArray(v)) { v = v[0]; } // values of several objectives sort by the first
            if (column > 4 && kinds[dimension] === "c") { return v === null ? "\uffff" : s[v].toLowerCase(); }
            return v === null ? Infinity : v;
          }
          function button(label, action) {
            var b = document.createElement("button");
            b.type = "button";
            b.textContent = label;
            b.addEventListener("click", function () { action(); render(); });
            nav.appendChild(b);
            return b;
          }
          var nav = document.createElement("nav");
          nav.className = "pager";
          nav.setAttribute("aria-label", "Trial pages");
          var first = button("First", function () { page = 0; });
          var previous = button("Previous", function () { page--; });
          var label = document.createElement("span");
          nav.appendChild(label);
          var next = button("Next", function () { page++; });
          table.parentNode.parentNode.insertBefore(nav, table.parentNode.nextSibling);
          dialsSortableHeads(heads, function (column, order) {
            rows.sort(function (a, b) {
              var x = key(a, column), y = key(b, column);
              return (x < y ? -1 : x > y ? 1 : 0) * order;
            });
            page = 0;
            render();
          });
          render();
        });
        """;
}
