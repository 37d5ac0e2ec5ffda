using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Svg;

/// <summary>
/// One chart's canvas: its size, the plot area inside the margins, the accessible <c>&lt;svg&gt;</c> wrapper (a
/// title and a description that screen readers announce) and the axes. Every chart draws through one of these so
/// they share a look.
/// </summary>
internal sealed class Plot(double width, double height, double left = 64, double top = 16, double right = 20, double bottom = 46)
{
    /// <summary>The plot area's left edge.</summary>
    public double Left => left;

    /// <summary>The plot area's right edge.</summary>
    public double Right => width - right;

    /// <summary>The plot area's top edge.</summary>
    public double Top => top;

    /// <summary>The plot area's bottom edge.</summary>
    public double Bottom => height - bottom;

    /// <summary>Opens the <c>&lt;svg&gt;</c> with its title and description (and a class for chart-specific style).</summary>
    public void Begin(MarkupWriter w, string title, string description, string cssClass = "chart")
    {
        var titleId = w.NewId("t");
        var descId = w.NewId("d");
        w.Open("svg", ("class", cssClass), ("viewBox", $"0 0 {Invariant.Coordinate(width)} {Invariant.Coordinate(height)}"),
            ("width", width), ("height", height), ("role", "img"), ("aria-labelledby", $"{titleId} {descId}"));
        w.Element("title", title, ("id", titleId));
        w.Element("desc", description, ("id", descId));
    }

    /// <summary>Closes the <c>&lt;svg&gt;</c>.</summary>
    public static void End(MarkupWriter w) => w.Close();

    /// <summary>The x axis along the bottom, with optional vertical grid lines and a label underneath.</summary>
    public void BottomAxis(MarkupWriter w, Func<double, double> x, IReadOnlyList<Tick> ticks, string label, bool grid = false)
    {
        w.Open("g", ("class", "axis"));
        w.Empty("line", ("x1", Left), ("y1", Bottom), ("x2", Right), ("y2", Bottom));
        var maxChars = Math.Max(4, (int)((Right - Left) / Math.Max(1, ticks.Count) / 6.5));
        foreach (var tick in ticks)
        {
            var at = x(tick.At);
            if (grid)
            {
                w.Empty("line", ("class", "grid"), ("x1", at), ("y1", Top), ("x2", at), ("y2", Bottom));
            }

            w.Empty("line", ("x1", at), ("y1", Bottom), ("x2", at), ("y2", Bottom + 5));
            Label(w, Fit(tick.Label, maxChars), tick.Label, at, Bottom + 17, "middle");
        }

        w.Element("text", label, ("class", "axis-title"), ("x", (Left + Right) / 2), ("y", Bottom + 36), ("text-anchor", "middle"));
        w.Close();
    }

    /// <summary>A vertical axis at <paramref name="at"/>, tick labels to its left, with optional horizontal grid lines
    /// across the plot area.</summary>
    public void VerticalAxis(MarkupWriter w, double at, Func<double, double> y, IReadOnlyList<Tick> ticks, bool grid = false)
    {
        w.Open("g", ("class", "axis"));
        w.Empty("line", ("x1", at), ("y1", Top), ("x2", at), ("y2", Bottom));
        foreach (var tick in ticks)
        {
            var pos = y(tick.At);
            if (grid)
            {
                w.Empty("line", ("class", "grid"), ("x1", Left), ("y1", pos), ("x2", Right), ("y2", pos));
            }

            w.Empty("line", ("x1", at - 4), ("y1", pos), ("x2", at), ("y2", pos));
            Label(w, Fit(tick.Label, 9), tick.Label, at - 6, pos + 3.5, "end");
        }

        w.Close();
    }

    /// <summary>The y axis's name, turned to run up the left margin.</summary>
    public void LeftTitle(MarkupWriter w, string label)
    {
        var (x, y) = (14.0, (Top + Bottom) / 2);
        w.Element("text", label, ("class", "axis-title"), ("x", x), ("y", y), ("text-anchor", "middle"),
            ("transform", $"rotate(-90 {Invariant.Coordinate(x)} {Invariant.Coordinate(y)})"));
    }

    /// <summary>The y axis down the left edge of the plot area, with grid lines and its title.</summary>
    public void LeftAxis(MarkupWriter w, Func<double, double> y, IReadOnlyList<Tick> ticks, string label)
    {
        VerticalAxis(w, Left, y, ticks, grid: true);
        LeftTitle(w, label);
    }

    /// <summary>The name of a row of a horizontal chart, right-aligned in the left margin.</summary>
    public void RowLabel(MarkupWriter w, string name, double y) => Label(w, Fit(name, (int)(Left / 7)), name, Left - 8, y + 4, "end", "row-label");

    /// <summary>Text cut to <paramref name="maxChars"/> with an ellipsis, so long choices do not run into each other.</summary>
    public static string Fit(string text, int maxChars) => text.Length <= maxChars ? text : text[..Math.Max(1, maxChars - 1)] + "…";

    /// <summary>A label; when shortened, its full text is kept as a tooltip.</summary>
    public static void Label(MarkupWriter w, string shown, string full, double x, double y, string anchor, string? cssClass = null)
    {
        w.Open("text", ("class", cssClass), ("x", x), ("y", y), ("text-anchor", anchor));
        if (shown != full)
        {
            w.Element("title", full);
        }

        w.Text(shown).Close();
    }
}
