namespace Dials.Reporting.Html.Svg;

/// <summary>A tick on an axis: where it is (in the axis's own domain) and what it reads.</summary>
internal readonly record struct Tick(double At, string Label);
