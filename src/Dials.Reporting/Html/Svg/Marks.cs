using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Svg;

/// <summary>
/// Point marks with a tooltip (an SVG <c>&lt;title&gt;</c>, read by screen readers and shown on hover without any
/// script). Trial states differ in shape as well as colour, so the charts read in grey too.
/// </summary>
internal static class Marks
{
    /// <summary>A filled circle.</summary>
    public static void Dot(MarkupWriter w, double x, double y, string colour, string tip, double radius = 3.5, double opacity = 0.85)
    {
        w.Open("circle", ("cx", x), ("cy", y), ("r", radius), ("fill", colour), ("fill-opacity", opacity), ("stroke", "#fff"), ("stroke-width", 0.8));
        w.Element("title", tip).Close();
    }

    /// <summary>A hollow circle.</summary>
    public static void Ring(MarkupWriter w, double x, double y, string colour, string tip, double radius = 3.5)
    {
        w.Open("circle", ("cx", x), ("cy", y), ("r", radius), ("fill", "#fff"), ("stroke", colour), ("stroke-width", 1.6));
        w.Element("title", tip).Close();
    }

    /// <summary>An ×.</summary>
    public static void Cross(MarkupWriter w, double x, double y, string colour, string tip, double size = 4)
    {
        var d = new PathBuilder().MoveTo(x - size, y - size).LineTo(x + size, y + size).MoveTo(x - size, y + size).LineTo(x + size, y - size);
        w.Open("path", ("d", d.ToString()), ("stroke", colour), ("stroke-width", 2), ("fill", "none"));
        w.Element("title", tip).Close();
    }

    /// <summary>An upward triangle.</summary>
    public static void Triangle(MarkupWriter w, double x, double y, string colour, string tip, double size = 4.5)
    {
        var d = new PathBuilder().MoveTo(x, y - size).LineTo(x + size, y + size * 0.8).LineTo(x - size, y + size * 0.8) + "Z";
        w.Open("path", ("d", d), ("fill", colour));
        w.Element("title", tip).Close();
    }

    /// <summary>A horizontal error bar from <paramref name="x0"/> to <paramref name="x1"/> with end caps.</summary>
    public static void Whisker(MarkupWriter w, double x0, double x1, double y, string colour, double cap = 5)
    {
        var d = new PathBuilder().MoveTo(x0, y).LineTo(x1, y).MoveTo(x0, y - cap).LineTo(x0, y + cap).MoveTo(x1, y - cap).LineTo(x1, y + cap);
        w.Empty("path", ("d", d.ToString()), ("stroke", colour), ("stroke-width", 1.5), ("fill", "none"));
    }
}
