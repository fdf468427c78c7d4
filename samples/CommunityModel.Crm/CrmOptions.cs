namespace CommunityModel.Crm;

/// <summary>The sample's own settings, section <c>Crm</c>.</summary>
public sealed class CrmOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Crm";

    /// <summary>The SQLite file, relative to the application's folder unless rooted; created on first run.</summary>
    public string Database { get; set; } = "crm.db";

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; } = 5180;
}
