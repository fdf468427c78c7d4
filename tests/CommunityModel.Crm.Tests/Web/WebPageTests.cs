using System.Text.RegularExpressions;
using CommunityModel.Crm.Web;

namespace CommunityModel.Crm.Tests.Web;

/// <summary>The page's files: served to anyone at <c>/</c> with their Content-Security-Policy; its script writes text, never HTML.</summary>
public sealed partial class WebPageTests : StartedCrm
{
    private static readonly string WebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/index.html", "text/html")]
    [InlineData("/crm.js", "text/javascript")]
    [InlineData("/crm.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Each_file_of_the_page_is_served_to_anyone_with_the_content_security_policy(string path, string mediaType)
    {
        using var response = await Crm.Anonymous().Http.GetAsync(path);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WebPage.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("script-src 'self';", WebPage.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", WebPage.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_the_pages_is_no_way_around_sign_in()
    {
        await Crm.Anonymous().GetAsync("/appsettings.json", 401);
        await Crm.Anonymous().GetAsync("/members/1", 401);
    }

    [Fact]
    public void The_script_puts_server_data_in_as_text_never_as_HTML()
    {
        var script = File.ReadAllText(Path.Combine(WebRoot, "crm.js"));

        Assert.Contains("textContent", script, StringComparison.Ordinal);
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
        {
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_page_has_no_inline_script_style_or_handler_which_its_policy_would_block()
    {
        var html = File.ReadAllText(Path.Combine(WebRoot, "index.html"));

        Assert.Single(ScriptTags().Matches(html));
        Assert.Contains("""<script src="crm.js" defer></script>""", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<style|style=|\\son[a-z]+=", html);
        Assert.DoesNotMatch("https?://", html); // nothing from another origin: no CDN
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTags();
}
