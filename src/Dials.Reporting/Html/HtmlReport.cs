using System.Text;
using Dials.Storage;

namespace Dials.Reporting.Html;

/// <summary>A study as one self-contained HTML page: inline CSS and SVG charts, no scripts or files from the network.</summary>
public static class HtmlReport
{
    /// <summary>Renders the report.</summary>
    /// <param name="content">The study and its analyses.</param>
    /// <returns>The whole HTML document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or its study is null.</exception>
    public static string Render(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(content.Study, nameof(content.Study));
        return ReportPage.Render(content);
    }

    /// <summary>Renders the report into a file, atomically: it is written beside the target and moved over it, so a
    /// reader never sees half a report and a failed render leaves the old one in place.</summary>
    /// <param name="path">Where to write the report.</param>
    /// <param name="content">The study and its analyses.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <returns>The full path written.</returns>
    public static string Write(string path, ReportContent content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return AtomicFile.WriteAllText(path, Render(content));
    }
}
