using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Charts;

/// <summary>
/// Which trials a chart draws when it has more than the eye can tell apart: every trial the chart's story depends on
/// (the improvements of the best, the best itself), the highest and the lowest mark of each kind in each narrow
/// column of pixels (so every cloud keeps its outline and outliers), and an even, deterministic sample of the rest. Small studies are drawn in
/// full. A thinned chart says how many of its trials it draws (<see cref="Note"/>).
/// </summary>
internal static class Thinning
{
    /// <summary>Dots beyond this many per chart no longer change what the chart shows, only the file's size and the
    /// browser's time to draw it.</summary>
    public const int HistoryDots = 2000;

    /// <summary>Dots per slice chart (a third of the history's width).</summary>
    public const int SliceDots = 500;

    /// <summary>Lines of the parallel-coordinates chart and curves of the intermediate-values chart.</summary>
    public const int MostLines = 800;

    /// <summary>Columns are this many pixels wide, about a dot's width: two dots a column, top and bottom, outline a
    /// cloud of any density.</summary>
    public const double ColumnWidth = 4;

    /// <summary>The marks to draw, in their original order: all of them when there are at most <paramref name="cap"/>.</summary>
    /// <param name="marks">The candidates, in drawing order.</param>
    /// <param name="cap">How many to draw at most, besides those kept by rule.</param>
    /// <param name="x">A mark's horizontal position in pixels.</param>
    /// <param name="y">A mark's vertical position in pixels.</param>
    /// <param name="keep">Marks that are always drawn (the best trial, the improvements).</param>
    /// <param name="kind">Sorts marks into kinds outlined separately (complete, pruned, failed), so that pruned trials
    /// pinned to an edge do not take the place of the complete trials' extremes; null for one kind.</param>
    public static IReadOnlyList<TrialRecord> Points(IReadOnlyList<TrialRecord> marks, int cap, Func<TrialRecord, double> x,
        Func<TrialRecord, double> y, IEnumerable<TrialRecord> keep, Func<TrialRecord, int>? kind = null)
    {
        if (marks.Count <= cap)
        {
            return marks;
        }

        var kept = new HashSet<int>(keep.Select(t => t.Number));
        var columns = new Dictionary<(long, int), (TrialRecord Top, double TopY, TrialRecord Bottom, double BottomY)>();
        foreach (var mark in marks)
        {
            var (px, py) = (x(mark), y(mark));
            var column = ((long)Math.Floor(px / ColumnWidth), kind?.Invoke(mark) ?? 0);
            columns[column] = columns.TryGetValue(column, out var c)
                ? (py < c.TopY ? mark : c.Top, Math.Min(py, c.TopY), py > c.BottomY ? mark : c.Bottom, Math.Max(py, c.BottomY))
                : (mark, py, mark, py);
        }

        foreach (var (top, _, bottom, _) in columns.Values)
        {
            kept.Add(top.Number);
            kept.Add(bottom.Number);
        }

        return Fill(marks, cap, kept);
    }

    /// <summary>The lines to draw, in their original order: all of them when there are at most <paramref name="cap"/>;
    /// otherwise the <paramref name="best"/> (whose lines the reader looks for) and a sample of the others.</summary>
    public static IReadOnlyList<TrialRecord> Lines(IReadOnlyList<TrialRecord> lines, int cap, IEnumerable<TrialRecord> best) =>
        lines.Count <= cap ? lines : Fill(lines, cap, [.. best.Take(cap / 4).Select(t => t.Number)]);

    /// <summary>A visible note under a thinned chart: how many trials it draws of how many, and which.</summary>
    public static void Note(MarkupWriter w, int drawn, int total, string kept)
    {
        if (drawn < total)
        {
            w.Element("p", $"Drawn: {Invariant.Integer(drawn)} of {Invariant.Integer(total)} trials ({kept} and an even sample of the rest); " +
                "the table and the CSV/JSON exports hold them all.", ("class", "muted thinned"));
        }
    }

    /// <summary>The kept marks and, up to <paramref name="cap"/>, others in an order that spreads evenly over the trial
    /// numbers (a multiplicative hash) and is the same on every run.</summary>
    private static List<TrialRecord> Fill(IReadOnlyList<TrialRecord> marks, int cap, HashSet<int> kept)
    {
        var room = cap - kept.Count;
        if (room > 0)
        {
            foreach (var mark in marks.Where(m => !kept.Contains(m.Number)).OrderBy(m => unchecked((uint)m.Number * 2654435761u)).Take(room))
            {
                kept.Add(mark.Number);
            }
        }

        return [.. marks.Where(m => kept.Contains(m.Number))];
    }
}
