namespace CommunityModel.Crm;

/// <summary>The sample's own settings, section <c>Crm</c>.</summary>
public sealed class CrmOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Crm";

    /// <summary>
    /// The folder of the CRM's data (the SQLite file, the cookie keys). Empty: <c>$XDG_DATA_HOME/communitymodel-crm</c>, or
    /// <c>~/.local/share/communitymodel-crm</c> when XDG_DATA_HOME is not set (<c>%LOCALAPPDATA%</c> on Windows): never
    /// under <c>bin/</c>, so Debug, Release and a clean build share one database.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The SQLite file, relative to <see cref="DataDirectory"/> unless rooted; created on first run.</summary>
    public string Database { get; set; } = "crm.db";

    /// <summary>The data folder in use: <see cref="DataDirectory"/>, or the default when it is empty.</summary>
    /// <returns>The full path.</returns>
    public string ResolvedDataDirectory() => Path.GetFullPath(DataDirectory is { Length: > 0 } folder ? folder : DefaultDataDirectory());

    /// <summary>The database file in use.</summary>
    /// <returns>The full path.</returns>
    public string ResolvedDatabase() => Path.GetFullPath(Path.Combine(ResolvedDataDirectory(), Database));

    private static string DefaultDataDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(root, "communitymodel-crm");
    }

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; } = 5180;

    /// <summary>Withdrawals a month-end run pays per transaction (1 to 10,000): the progress a stopped process resumes from.</summary>
    public int MonthEndPaymentsPerStep { get; set; } = 100;

    /// <summary>Writes (POST, PUT) one signed-in account may make per second, on average (1 to 1,000,000); 429 beyond.</summary>
    public int WritesPerSecond { get; set; } = 1000;

    /// <summary>Writes one account may make at once above <see cref="WritesPerSecond"/> (a burst; 1 to 1,000,000).</summary>
    public int WriteBurst { get; set; } = 2000;

    /// <summary>The most items a list answers in one page (<c>limit</c>, 1 to 10,000); the default page is the smaller of 50 and this.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>The most events <c>GET /events</c> answers at once (<c>limit</c>, 1 to 10,000); 100 by default, or this when lower.</summary>
    public int MaxFeedPage { get; set; } = 1000;

    /// <summary>
    /// True (the default): every batch of writes is flushed to disk before anyone is answered (the write-ahead log is
    /// flushed with <c>fdatasync</c>, as SQLite's <c>synchronous = FULL</c> does, but beside the next batch's inserts), so an
    /// answered write survives a killed process and a power cut. False: an answered write survives a killed process; a
    /// power cut or an OS crash may lose the last batches answered, never part of one.
    /// </summary>
    public bool FlushEachCommit { get; set; } = true;
}
