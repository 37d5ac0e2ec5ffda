namespace Dials.Reporting.Html;

/// <summary>A study as one self-contained HTML page: inline CSS and SVG charts, no scripts or files from the network.</summary>
public static class HtmlReport
{
    /// <summary>Renders the report.</summary>
    /// <param name="content">The study and its analyses.</param>
    /// <returns>The whole HTML document.</returns>
    public static string Render(ReportContent content) =>
        throw new NotImplementedException("issue 8: report helper");
}
