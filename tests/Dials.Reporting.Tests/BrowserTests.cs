using System.Text.Json;
using Dials.Reporting.Html;
using Dials.Reporting.Html.Sections;

namespace Dials.Reporting.Tests;

/// <summary>
/// Opens a rendered report in a real headless Chromium: the page must load from a file with no script error, no
/// console error and no request leaving the file, sort its trial table, and draw charts that a screenshot shows.
/// Chromium missing is a failure, not a skip: CI installs it (.ci/run).
/// </summary>
public class BrowserTests
{
    private const string DefaultChromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_report_loads_offline_without_errors_and_draws_its_charts()
    {
        var chromium = Environment.GetEnvironmentVariable("DIALS_CHROMIUM") ?? DefaultChromium;
        Assert.True(File.Exists(chromium),
            $"Chromium is needed for this test and was not found at {chromium}. Install it (Debian: apt-get install -y chromium) or set DIALS_CHROMIUM.");

        var content = ReportStudies.FullContent();
        var directory = Directory.CreateTempSubdirectory("dials-report-page-");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = timeout.Token;
        try
        {
            var file = Path.Combine(directory.FullName, "report.html");
            HtmlReport.Write(file, content);
            var url = new Uri(file).AbsoluteUri;

            await using var browser = await DevToolsBrowser.StartAsync(chromium, token);
            var send = await OpenAsync(browser, url, token, viewport: new { width = 1200, height = 900, deviceScaleFactor = 1, mobile = false });
            Task<JsonElement> Send(string method, object? parameters = null) => send(method, parameters);

            var svgCount = await Evaluate(Send, "document.querySelectorAll('svg.chart').length");
            Assert.Equal(5 + content.Study.Space.Dimensions.Count + content.Sensitivity!.Sweeps.Count, svgCount.GetInt32());
            var historyWidth = await Evaluate(Send, "document.querySelector('#history svg').getBoundingClientRect().width");
            Assert.True(historyWidth.GetDouble() > 600, $"The history chart is {historyWidth} px wide.");

            // The sorting script: the Value heading sorts ascending (missing values last), the # heading restores the order.
            var sorted = await Evaluate(Send, """
                (() => {
                  document.querySelectorAll('table.trials th button')[2].click();
                  const values = [...document.querySelectorAll('table.trials tbody tr')].map(r => r.cells[2].getAttribute('data-v')).filter(v => v !== '').map(Number);
                  document.querySelectorAll('table.trials th button')[0].click();
                  return values;
                })()
                """);
            var values = sorted.EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.NotEmpty(values);
            Assert.Equal(values.Order(), values);

            // The Strategy heading sorts by name; the # heading then restores the trial order.
            var byStrategy = await Evaluate(Send, """
                (() => {
                  const heads = [...document.querySelectorAll('table.trials th button')];
                  heads.find(b => b.textContent === 'Strategy').click();
                  const strategies = [...document.querySelectorAll('table.trials tbody tr')].map(r => r.cells[4].textContent);
                  heads[0].click();
                  const first = document.querySelector('table.trials tbody tr').cells[0].textContent;
                  return { strategies, first, summaries: document.querySelectorAll('#trials table.strategies tbody tr').length };
                })()
                """);
            var strategies = byStrategy.GetProperty("strategies").EnumerateArray().Select(s => s.GetString()!).ToList();
            Assert.Equal(content.Study.Trials.Count, strategies.Count);
            Assert.Equal(strategies.Order(StringComparer.OrdinalIgnoreCase), strategies);
            Assert.Equal("0", byStrategy.GetProperty("first").GetString());
            Assert.Equal(3, byStrategy.GetProperty("summaries").GetInt32());

            var metrics = await Send("Page.getLayoutMetrics");
            var size = metrics.GetProperty("cssContentSize");
            var (width, height) = (Math.Ceiling(size.GetProperty("width").GetDouble()), Math.Ceiling(size.GetProperty("height").GetDouble()));
            var shot = await Send("Page.captureScreenshot", new
            {
                format = "png", captureBeyondViewport = true, clip = new { x = 0, y = 0, width, height, scale = 1 },
            });
            var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
            SaveScreenshot(png);
            File.Copy(file, Path.Combine(AppContext.BaseDirectory, "report.html"), overwrite: true); // to look at by hand

            var problems = Problems(browser.Events, url);
            Assert.True(problems.Count == 0, "The page reported problems:\n" + string.Join("\n", problems));
            Assert.Contains(browser.Events, e => e.Method == "Network.requestWillBeSent" && RequestUrl(e.Params) == url); // the watch worked

            var image = PngImage.Decode(png);
            Assert.Equal((int)width, image.Width);
            Assert.Equal((int)height, image.Height);
            Assert.True(image.Height > 3000, $"A full report is long; the screenshot is {image.Height} px high.");
            var (colours, inked) = Survey(image);
            Assert.True(colours > 200, $"The screenshot has only {colours} distinct colours: the charts look blank.");
            Assert.InRange(inked, 0.03, 0.6);
            // The chart palette is on screen: the complete-trial blue and the best-so-far orange, near enough.
            Assert.True(HasColour(image, (0x00, 0x72, 0xB2)), "No complete-trial blue in the screenshot.");
            Assert.True(HasColour(image, (0xE6, 0x9F, 0x00)), "No best-so-far orange in the screenshot.");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_large_study_pages_and_sorts_its_trial_table_without_errors()
    {
        var chromium = Environment.GetEnvironmentVariable("DIALS_CHROMIUM") ?? DefaultChromium;
        Assert.True(File.Exists(chromium),
            $"Chromium is needed for this test and was not found at {chromium}. Install it (Debian: apt-get install -y chromium) or set DIALS_CHROMIUM.");

        var study = ReportStudies.Full(2500);
        var directory = Directory.CreateTempSubdirectory("dials-report-paged-");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = timeout.Token;
        try
        {
            var file = Path.Combine(directory.FullName, "report.html");
            HtmlReport.Write(file, ReportStudies.Bare(study));
            var url = new Uri(file).AbsoluteUri;
            await using var browser = await DevToolsBrowser.StartAsync(chromium, token);
            var send = await OpenAsync(browser, url, token);

            // Each step records the numbers of the rows shown and the pager's label.
            const string Shown = "[[...document.querySelectorAll('table.paged tbody tr')].map(r => Number(r.cells[0].textContent)), document.querySelector('nav.pager span').textContent]";
            var pages = await Evaluate(send, $$"""
                (() => {
                  const button = label => [...document.querySelectorAll('nav.pager button')].find(b => b.textContent === label);
                  const heads = [...document.querySelectorAll('table.paged th button')];
                  const steps = [{{Shown}}];
                  button('Next').click(); steps.push({{Shown}});
                  heads[0].click(); steps.push({{Shown}});
                  button('Next').click(); steps.push({{Shown}});
                  heads[0].click(); steps.push({{Shown}});
                  return steps;
                })()
                """);
            var steps = pages.EnumerateArray().Select(s => (Rows: s[0].EnumerateArray().Select(n => n.GetInt32()).ToList(), Label: s[1].GetString())).ToList();
            var size = PagedTrialTable.PageSize;
            var pageCount = (study.Trials.Count + size - 1) / size;

            // Page 1 is the best trials, as the page was served; Next shows the next best, none of them repeated.
            Assert.Equal(study.Best!.Number, steps[0].Rows[0]);
            Assert.Equal($"Page 1 of {pageCount}", steps[0].Label);
            Assert.Equal(size, steps[1].Rows.Count);
            Assert.Empty(steps[0].Rows.Intersect(steps[1].Rows));
            Assert.Equal($"Page 2 of {pageCount}", steps[1].Label);
            // Sorting by number sorts every trial and starts again at page 1, Next goes on from there, and a second
            // click sorts descending.
            Assert.Equal(Enumerable.Range(0, size), steps[2].Rows);
            Assert.Equal($"Page 1 of {pageCount}", steps[2].Label);
            Assert.Equal(Enumerable.Range(size, size), steps[3].Rows);
            Assert.Equal(Enumerable.Range(study.Trials.Count - size, size).Reverse(), steps[4].Rows);

            var problems = Problems(browser.Events, url);
            Assert.True(problems.Count == 0, "The page reported problems:\n" + string.Join("\n", problems));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 3)]
    public async Task A_study_of_several_objectives_draws_its_front_without_errors(int objectives, int charts)
    {
        var chromium = Environment.GetEnvironmentVariable("DIALS_CHROMIUM") ?? DefaultChromium;
        Assert.True(File.Exists(chromium),
            $"Chromium is needed for this test and was not found at {chromium}. Install it (Debian: apt-get install -y chromium) or set DIALS_CHROMIUM.");

        var study = ReportStudies.MultiObjective(objectives);
        var directory = Directory.CreateTempSubdirectory("dials-report-pareto-");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = timeout.Token;
        try
        {
            var file = Path.Combine(directory.FullName, "report.html");
            HtmlReport.Write(file, ReportContent.Analyse(study));
            var url = new Uri(file).AbsoluteUri;
            await using var browser = await DevToolsBrowser.StartAsync(chromium, token);
            var send = await OpenAsync(browser, url, token, viewport: new { width = 1200, height = 900, deviceScaleFactor = 1, mobile = false });

            // Laid out and visible: every front chart has a size, its marks are inside it, and the front table sorts.
            var page = await Evaluate(send, """
                (() => {
                  const svgs = [...document.querySelectorAll('#front svg.chart')];
                  const inside = svgs.every(svg => {
                    const box = svg.getBoundingClientRect();
                    return [...svg.querySelectorAll('circle')].every(c => {
                      const r = c.getBoundingClientRect();
                      return r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
                    });
                  });
                  const table = document.querySelector('#front table.front');
                  table.querySelectorAll('th button')[1].click();
                  const sorted = [...table.querySelectorAll('tbody tr')].map(r => Number(r.cells[1].getAttribute('data-v')));
                  return { charts: svgs.length, width: svgs[0].getBoundingClientRect().width, inside, sorted };
                })()
                """);
            Assert.Equal(charts, page.GetProperty("charts").GetInt32());
            Assert.True(page.GetProperty("width").GetDouble() > (objectives == 2 ? 600 : 200), $"The front chart is {page.GetProperty("width")} px wide.");
            Assert.True(page.GetProperty("inside").GetBoolean(), "A mark of the front chart lies outside it.");
            var sorted = page.GetProperty("sorted").EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Equal(StudyFront.Of(study).Front.Count, sorted.Count);
            Assert.Equal(sorted.Order(), sorted);

            var shot = await send("Page.captureScreenshot", new { format = "png" });
            var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
            SaveScreenshot(png, $"report-pareto-{objectives}.png");
            var image = PngImage.Decode(png);
            Assert.True(HasColour(image, (0xE6, 0x9F, 0x00)), "No front orange in the screenshot.");
            Assert.True(HasColour(image, (0xD5, 0x5E, 0x00)), "No infeasible vermillion in the screenshot.");

            var problems = Problems(browser.Events, url);
            Assert.True(problems.Count == 0, "The page reported problems:\n" + string.Join("\n", problems));

            if (objectives == 2)
            {
                // A large study of several objectives pages its table with each trial's values, sorted by the first.
                var large = Path.Combine(directory.FullName, "large.html");
                HtmlReport.Write(large, ReportStudies.Bare(ReportStudies.MultiObjective(2, 1500)));
                var largeUrl = new Uri(large).AbsoluteUri;
                await using var second = await DevToolsBrowser.StartAsync(chromium, token); // its own events to check
                var largeSend = await OpenAsync(second, largeUrl, token);
                var paged = await Evaluate(largeSend, """
                    (() => {
                      const cells = () => [...document.querySelectorAll('table.paged tbody tr')].map(r => r.cells[2]);
                      const button = label => [...document.querySelectorAll('nav.pager button')].find(b => b.textContent === label);
                      button('Next').click();
                      const second = cells().map(c => c.textContent);
                      document.querySelectorAll('table.paged th button')[2].click();
                      const sorted = cells().map(c => c.getAttribute('data-v')).filter(v => v !== '').map(Number);
                      return { second, sorted };
                    })()
                    """);
                Assert.Contains(paged.GetProperty("second").EnumerateArray(), c => System.Text.RegularExpressions.Regex.IsMatch(c.GetString()!, @"^[\d.E+-]+, [\d.E+-]+$"));
                var firsts = paged.GetProperty("sorted").EnumerateArray().Select(v => v.GetDouble()).ToList();
                Assert.NotEmpty(firsts);
                Assert.Equal(firsts.Order(), firsts);
                var largeProblems = Problems(second.Events, largeUrl);
                Assert.True(largeProblems.Count == 0, "The large page reported problems:\n" + string.Join("\n", largeProblems));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Opens <paramref name="url"/> in a new tab of <paramref name="browser"/> with the Runtime, Log, Network
    /// and Page events on (what <see cref="Problems"/> reads), at <paramref name="viewport"/> when given, and waits for
    /// it to load; returns how to send commands to that tab.</summary>
    private static async Task<Func<string, object?, Task<JsonElement>>> OpenAsync(DevToolsBrowser browser, string url,
        CancellationToken token, object? viewport = null)
    {
        var target = await browser.SendAsync("Target.createTarget", new { url = "about:blank" }, null, token);
        var attached = await browser.SendAsync("Target.attachToTarget", new { targetId = target.GetProperty("targetId").GetString(), flatten = true }, null, token);
        var session = attached.GetProperty("sessionId").GetString();
        Task<JsonElement> Send(string method, object? parameters) => browser.SendAsync(method, parameters, session, token);
        foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" })
        {
            await Send($"{domain}.enable", null);
        }

        if (viewport is not null)
        {
            await Send("Emulation.setDeviceMetricsOverride", viewport);
        }

        var loaded = browser.NextEvent("Page.loadEventFired");
        var navigation = await Send("Page.navigate", new { url });
        Assert.False(navigation.TryGetProperty("errorText", out var navigationError), $"Navigation failed: {navigationError}");
        await loaded.WaitAsync(token);
        return Send;
    }

    private static async Task<JsonElement> Evaluate(Func<string, object?, Task<JsonElement>> send, string expression)
    {
        var result = await send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        Assert.False(result.TryGetProperty("exceptionDetails", out var details), $"Evaluating failed: {details}");
        return result.GetProperty("result").GetProperty("value");
    }

    /// <summary>Script exceptions, console errors, browser log errors and any request for something outside the file.</summary>
    private static List<string> Problems(IEnumerable<(string Method, JsonElement Params)> events, string page)
    {
        var problems = new List<string>();
        foreach (var (method, parameters) in events)
        {
            switch (method)
            {
                case "Runtime.exceptionThrown":
                    problems.Add($"exception: {parameters.GetProperty("exceptionDetails")}");
                    break;
                case "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() is "error" or "assert":
                    problems.Add($"console {parameters.GetProperty("type").GetString()}: {parameters.GetProperty("args")}");
                    break;
                case "Log.entryAdded" when parameters.GetProperty("entry").GetProperty("level").GetString() is "error":
                    problems.Add($"log: {parameters.GetProperty("entry")}");
                    break;
                case "Network.requestWillBeSent" when RequestUrl(parameters) is var url && url != page && !url.StartsWith("data:", StringComparison.Ordinal):
                    problems.Add($"request: {url}");
                    break;
                case "Network.loadingFailed":
                    problems.Add($"loading failed: {parameters}");
                    break;
            }
        }

        return problems;
    }

    private static string RequestUrl(JsonElement parameters) => parameters.GetProperty("request").GetProperty("url").GetString() ?? "";

    /// <summary>Distinct colours (quantised to 5 bits a channel) and the share of pixels that are not near-white.</summary>
    private static (int Colours, double Inked) Survey(PngImage image)
    {
        var colours = new HashSet<int>();
        long inked = 0, total = 0;
        for (var y = 0; y < image.Height; y += 2)
        {
            for (var x = 0; x < image.Width; x += 2)
            {
                var (r, g, b) = image[x, y];
                colours.Add((r >> 3 << 10) | (g >> 3 << 5) | (b >> 3));
                inked += r + g + b < 3 * 235 ? 1 : 0;
                total++;
            }
        }

        return (colours.Count, (double)inked / total);
    }

    private static bool HasColour(PngImage image, (int R, int G, int B) colour)
    {
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                if (Math.Abs(r - colour.R) + Math.Abs(g - colour.G) + Math.Abs(b - colour.B) < 24)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Keeps the screenshot beside the test output, and refreshes docs/<paramref name="name"/> (the full report,
    /// or the top of a study of several objectives) when DIALS_UPDATE_SCREENSHOT is set (so ordinary runs never dirty the
    /// working tree).</summary>
    private static void SaveScreenshot(byte[] png, string name = "report-screenshot.png")
    {
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, name), png);
        if (Environment.GetEnvironmentVariable("DIALS_UPDATE_SCREENSHOT") is not { Length: > 0 })
        {
            return;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Config.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        File.WriteAllBytes(Path.Combine(root.FullName, "docs", name), png);
    }
}
