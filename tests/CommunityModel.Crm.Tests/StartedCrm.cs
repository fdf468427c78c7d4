namespace CommunityModel.Crm.Tests;

/// <summary>The CRM started for each test on a file of its own, with member 1 and member 2 (referred by 1) registered.</summary>
public abstract class StartedCrm : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    internal CrmHost Crm { get; private set; } = null!;

    internal string DatabasePath => _db.Path;

    /// <summary>The CRM's clock.</summary>
    internal Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = Tests.Clock.Start();

    /// <summary>Settings over the sample's appsettings.json.</summary>
    internal virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Crm = await CrmHost.StartAsync(_db.Path, Clock, Settings);
        await Crm.RegisterAsync(1);
        await Crm.RegisterAsync(2, sponsor: 1);
    }

    public async Task DisposeAsync()
    {
        await Crm.DisposeAsync();
        _db.Dispose();
    }
}
