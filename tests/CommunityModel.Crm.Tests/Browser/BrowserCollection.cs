namespace CommunityModel.Crm.Tests.Browser;

/// <summary>The browser tests share one Chromium and run one after another: two cores, one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
