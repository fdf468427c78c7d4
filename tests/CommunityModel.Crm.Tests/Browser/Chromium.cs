using Microsoft.Playwright;

namespace CommunityModel.Crm.Tests.Browser;

/// <summary>
/// One headless Chromium for the browser tests, driven by Playwright: the system's Chromium (Debian's <c>chromium</c>
/// package, <c>/usr/bin/chromium</c>, or the binary <c>CRM_CHROMIUM</c> names), never a browser Playwright downloads.
/// Each test opens its own context on it: its own cookies and storage. Without the browser every browser test fails
/// and says how to install it; none is skipped.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where Debian's package puts the browser.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The environment variable naming another Chromium or Chrome binary.</summary>
    public const string PathVariable = "CRM_CHROMIUM";

    // Headless, and quiet on a closed network: without the background-networking switches Chromium's own
    // connections (updates, sync, field trials) are refused and slow every start.
    private static readonly string[] Switches =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser; each test opens a context of its own.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } named ? named : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {path}, and there is none. Install it (Debian: `apt-get install -y chromium`, "
                + $"which .ci/run does when it is missing), or set {PathVariable} to a Chromium or Chrome binary.");
        }

        Assertions.SetDefaultExpectTimeout(15_000); // two cores shared with a build: the page may take a while
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Switches,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
