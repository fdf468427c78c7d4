using Microsoft.Playwright;

namespace CommunityModel.Crm.Tests.Browser;

/// <summary>
/// The CRM's page open in a fresh browser context (its own cookie jar), found the way a user of a screen reader finds
/// it: by labels, roles and accessible names. Script errors and Content-Security-Policy violations are collected, so a
/// test can say there were none.
/// </summary>
internal sealed class CrmPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _scriptErrors = [];

    private CrmPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // A refused API call logs "Failed to load resource: ... 403": the page shows those itself.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                lock (_scriptErrors)
                {
                    _scriptErrors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_scriptErrors)
            {
                _scriptErrors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The problem the page shows (role alert): the server's title and detail.</summary>
    public ILocator Problem => Page.GetByRole(AriaRole.Alert);

    /// <summary>The page's status line (role status): what an action did.</summary>
    public ILocator Notice => Page.GetByRole(AriaRole.Status);

    /// <summary>Who is signed in, in the page's header.</summary>
    public ILocator Account => Page.Locator("header #account");

    /// <summary>Opens the page at the CRM's address.</summary>
    public static async Task<CrmPage> OpenAsync(Chromium chromium, Uri address)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        var page = new CrmPage(context, await context.NewPageAsync());
        await page.Page.GotoAsync(address.ToString());
        return page;
    }

    /// <summary>A titled part of the page (a section labelled by its heading).</summary>
    public ILocator Region(string name) => Page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = name, Exact = true });

    /// <summary>A table, by its caption.</summary>
    public ILocator Table(string caption) => Page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = caption, Exact = true });

    /// <summary>The rows of a table's body.</summary>
    public ILocator Rows(string caption) => Table(caption).Locator("tbody tr");

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    public ILocator Field(string label) => Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    /// <summary>Signs in through the form.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await Field("User name").FillAsync(userName);
        await Field("Password").FillAsync(password);
        await Button("Sign in").ClickAsync();
    }

    /// <summary>Finds a member through the form.</summary>
    public async Task FindMemberAsync(long member)
    {
        await Field("Member id").FillAsync(member.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Button("Find").ClickAsync();
    }

    /// <summary>No script error and no Content-Security-Policy violation so far.</summary>
    public void AssertNoScriptErrors()
    {
        lock (_scriptErrors)
        {
            Assert.Empty(_scriptErrors);
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
