namespace CommunityModel.Crm.Tests;

/// <summary>A SQLite file of one test's own, in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-tests-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "crm.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
