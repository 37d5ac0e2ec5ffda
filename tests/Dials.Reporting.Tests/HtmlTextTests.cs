using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Tests;

public class HtmlTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("say \"hi\" it's", "say &quot;hi&quot; it&#39;s")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("plain text", "plain text")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escapes_markup_characters_for_text_and_attributes(string? text, string expected) =>
        Assert.Equal(expected, HtmlText.Escape(text));

    [Fact]
    public void Replaces_control_characters_that_xml_forbids_and_keeps_whitespace()
    {
        Assert.Equal("a\uFFFDb\uFFFDc\td\ne\rf", HtmlText.Escape("a\u0001b\u001Fc\td\ne\rf"));
    }

    [Fact]
    public void Keeps_non_ascii_text_as_it_is()
    {
        Assert.Equal("Lernrate β ≤ 0,1 – 学习率", HtmlText.Escape("Lernrate β ≤ 0,1 – 学习率"));
    }

    [Fact]
    public void Writer_escapes_attributes_and_text_and_refuses_unclosed_markup()
    {
        var w = new MarkupWriter();
        w.Open("p", ("title", "\"><script>"), ("hidden", null)).Text("<b>").Close();
        Assert.Equal("<p title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;</p>", w.ToString());

        var unclosed = new MarkupWriter().Open("div");
        Assert.Throws<InvalidOperationException>(unclosed.ToString);
    }
}
