using System.Text;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Svg;

/// <summary>Builds an SVG path's <c>d</c> attribute with invariant coordinates.</summary>
internal sealed class PathBuilder
{
    private readonly StringBuilder d = new();

    /// <summary>Whether nothing has been drawn yet.</summary>
    public bool IsEmpty => d.Length == 0;

    /// <summary>Starts a new piece at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public PathBuilder MoveTo(double x, double y) => Append('M', x, y);

    /// <summary>Draws a straight line to (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public PathBuilder LineTo(double x, double y) => Append('L', x, y);

    /// <inheritdoc />
    public override string ToString() => d.ToString();

    private PathBuilder Append(char command, double x, double y)
    {
        d.Append(command).Append(Invariant.Coordinate(x)).Append(',').Append(Invariant.Coordinate(y));
        return this;
    }
}
